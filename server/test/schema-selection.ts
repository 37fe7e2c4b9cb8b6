import type { TestApp } from './harness.js';

/**
 * Builds a selection of every field of a type, recursively (to `depth`), from the live schema: a test that reads
 * "every field" keeps doing so when fields are added. Fields with required arguments are skipped; object fields
 * whose type was already expanded on the path are not expanded again.
 */
export async function fullSelection(t: TestApp, typeName: string, depth = 4): Promise<string> {
  const res = await t.gql(`{ __schema { types { name kind fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } possibleTypes { name } } } }`);
  const types = new Map<string, any>(res.data!.__schema.types.map((ty: any) => [ty.name, ty]));
  const named = (ty: any): any => (ty.ofType ? named(ty.ofType) : ty);
  const expand = (name: string, level: number, path: string[]): string => {
    const type = types.get(name);
    const parts: string[] = [];
    for (const f of type.fields ?? []) {
      if (f.args.some((a: any) => a.type.kind === 'NON_NULL')) continue;
      const target = named(f.type);
      if (target.kind === 'SCALAR' || target.kind === 'ENUM') parts.push(f.name);
      else if (target.kind === 'OBJECT' && level < depth && !path.includes(target.name)) {
        const inner = expand(target.name, level + 1, [...path, target.name]);
        if (inner) parts.push(`${f.name} { ${inner} }`);
      }
    }
    return parts.join(' ');
  };
  return expand(typeName, 0, [typeName]);
}
