import type { HocuspocusProvider } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/useI18n';
import { PLAN_FIELDS } from './plan-shape';

interface NotesEditorProps {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  user: { name: string; color: string };
  readOnly: boolean;
}

/**
 * The plan's rich-text notes: TipTap bound to the document's `notes` fragment, with the others' carets. Undo is
 * Yjs' business here (StarterKit's own history would undo the others' typing), so it is left out.
 */
export function NotesEditor({ doc, provider, user, readOnly }: NotesEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: PLAN_FIELDS.notes }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'plan-notes-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('plan.notes.label'),
          'aria-readonly': String(readOnly),
        },
      },
    },
    [doc, provider, readOnly, user.name, user.color, t],
  );
  return (
    <section aria-labelledby={`${id}-title`} className="plan-part plan-notes">
      <h3 id={`${id}-title`}>{t('plan.notes')}</h3>
      <EditorContent editor={editor} />
    </section>
  );
}
