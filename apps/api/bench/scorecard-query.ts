// The full scorecard of a cycle, as the web app asks for it: the tree, each node's indicators with their
// targets and measurements, and the scores with their explanations. Shared by the benchmark and the
// statement-count test, so that both measure the same request.
export const SCORECARD_QUERY = /* GraphQL */ `
  query Scorecard($year: Int!) {
    cycle(year: $year) {
      id
      year
      state
      levels { key name kind aggregation }
      nodes {
        id
        parentId
        code
        title
        weight
        position
        levelKey
        units { unit { id code name } }
        indicators {
          id
          code
          name
          unit
          direction
          valueType
          weight
          targets { id year operator valueNumber valueDate valueBoolean threshold80Number threshold60Number label revision { id reason revisedOn } }
          measurements { id status valueNumber valueDate valueBoolean period { id periodDate } }
        }
      }
      scorecard {
        periodDate
        entity
        warnings
        nodes { nodeId code result achievement rating overridden explanation indicators { indicatorId score value overridden explanation } }
      }
    }
  }
`;
