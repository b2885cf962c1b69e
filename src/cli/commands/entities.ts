import { ENTITY_TYPES, type EntityType } from '../../core/doc.js';
import { formatTable } from '../../eval/table.js';
import { UsageError } from '../command.js';
import { OFFSET_USAGE, STORE_USAGE, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph entities [--type TYPE] [--q TEXT] [--limit N] [--offset N] [--db PATH] [--json]

Lists the corpus's canonical entities, most mentioned first: each merges the article entities
that share a name or alias (IS, ISIL, Daesh → Islamic State), a person's surname, or a
nationality's country. Each has the CAMEO actor code (AFGREB, RUSGOV) its articles give it most
often, if any.

Options:
  --type TYPE   only ${ENTITY_TYPES.join(', ')}
  --q TEXT      only names or aliases containing TEXT (any case)
  --limit N     at most N entities
${OFFSET_USAGE}
${STORE_USAGE}`;

export const entitiesCommand = queryCommand({
  name: 'entities',
  usage: USAGE,
  options: { type: { type: 'string' }, q: { type: 'string' } },
  async query(store, values, page) {
    const type = (values.type as string | undefined)?.toUpperCase();
    if (type !== undefined && !ENTITY_TYPES.includes(type as EntityType)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
    return store.entities({ type: type as EntityType | undefined, q: values.q as string | undefined, ...page });
  },
  render: (rows) =>
    formatTable([
      ['id', 'type', 'name', 'code', 'articles', 'mentions', 'aliases'],
      ...rows.map((e) => [e.id, e.type, e.name, e.code ?? '', String(e.articles), String(e.mentions), e.aliases.join(', ')]),
    ]),
});
