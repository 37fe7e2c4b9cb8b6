import { graphql } from '../../gql';

/** Who is signed in; null when nobody is. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      facilitatedTerritories {
        id
      }
    }
  }
`);
