import type { NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { NetworkJSON, NetworkStance } from '../../../src/server/types.js';
import { useApi } from '../api.js';
import { EmptyCorpus } from '../components/EmptyCorpus.js';
import { StanceBadge } from '../components/Stance.js';
import { Status } from '../components/Status.js';
import { Table } from '../components/Table.js';
import { placeLabels, type LabelSide } from '../label-layout.js';
import { href } from '../router.js';

const STANCES: NetworkStance[] = ['assert', 'deny', 'condemn', 'accuse'];
/** Node colours by entity type, each far from the others (GPE brown, LOC sky blue, MISC light grey). */
const TYPE_COLORS: Record<string, string> = { PERSON: '#1f3a5f', ORG: '#3d7a5a', GPE: '#8a5a1f', LOC: '#3fa7d6', NORP: '#6b4f8a', MISC: '#999' };
/** Labels keep this size on screen at any zoom (px), and this gap from their node. */
const LABEL_PX = 12;
const LABEL_GAP_PX = 4;
/** Edge colours by the PLOVER type of the events the claims hold: cooperation greens and blues, conflict reds; grey for none. */
const PLOVER_COLORS: Record<string, string> = {
  AGREE: '#2e8b57', CONSULT: '#3a7bd5', SUPPORT: '#1f9e89', COOPERATE: '#228b22', AID: '#6aa84f', CONCEDE: '#8fbc8f', RETREAT: '#9aa',
  INVESTIGATE: '#b39b2d', REQUEST: '#7f8fa6', ACCUSE: '#d35400', REJECT: '#c0392b', THREATEN: '#a93226', PROTEST: '#e67e22',
  MOBILIZE: '#8e44ad', SANCTION: '#922b21', COERCE: '#7b241c', ASSAULT: '#4a0f0f',
};
const NO_EVENT_COLOR = '#9e9e9e';
const ploverColor = (type: string | null): string => (type ? (PLOVER_COLORS[type] ?? NO_EVENT_COLOR) : NO_EVENT_COLOR);

/** The actor network: who asserts, denies, condemns or accuses whom; the table below says it in words. */
export function NetworkPage() {
  const loaded = useApi<NetworkJSON>('/api/network');
  const [shown, setShown] = useState<Set<NetworkStance>>(new Set(STANCES));
  const toggle = (stance: NetworkStance) => {
    const next = new Set(shown);
    if (next.has(stance)) next.delete(stance);
    else next.add(stance);
    setShown(next);
  };
  return (
    <>
      <h1>Actor network</h1>
      <fieldset className="filters">
        <legend className="small muted">Edges</legend>
        {STANCES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={shown.has(s)} onChange={() => toggle(s)} /> <StanceBadge stance={s} />
          </label>
        ))}
      </fieldset>
      <ul className="legend small" aria-label="Node colours">
        {Object.entries(TYPE_COLORS).map(([type, color]) => (
          <li key={type}>
            <span className="dot" style={{ '--dot': color } as CSSProperties} />
            {type}
          </li>
        ))}
      </ul>
      <ul className="legend small" aria-label="Edge colours: PLOVER event type of the claims (denials dashed)">
        {[...new Set((loaded.state === 'ready' ? loaded.data.edges : []).map((e) => e.plover))].map((type) => (
          <li key={type ?? 'none'}>
            <span className="dot" style={{ '--dot': ploverColor(type) } as CSSProperties} />
            {type ?? 'no event'}
          </li>
        ))}
      </ul>
      <Status loaded={loaded}>
        {(network) => {
          if (network.edges.length === 0) return <EmptyCorpus>No actor has made a claim about another yet: the corpus is empty, or its articles quote no one on anyone.</EmptyCorpus>;
          const edges = network.edges.filter((e) => shown.has(e.stance));
          return (
            <>
              {network.total > network.edges.length && (
                <p className="small muted">
                  The {network.edges.length} strongest of {network.total} edges, by claims.
                </p>
              )}
              <Graph network={{ ...network, edges }} />
              <EdgeTable network={{ ...network, edges }} />
            </>
          );
        }}
      </Status>
    </>
  );
}

function Graph({ network }: { network: NetworkJSON }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let destroyed = false;
    let graph: { destroy(): void } | null = null;
    let relabelTimer: ReturnType<typeof setTimeout> | undefined;
    // cytoscape is loaded only on this page.
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      const linked = new Set(network.edges.flatMap((e) => [e.source, e.target]));
      const cy = cytoscape({
        container: box.current,
        elements: [
          ...network.nodes
            .filter((n) => linked.has(n.id))
            // `shown` is the label drawn: the name, or '' when it has no room.
            .map((n) => ({ data: { id: n.id, name: n.name, shown: n.name, type: n.type, mentions: n.mentions, size: 18 + Math.min(42, Math.sqrt(n.mentions) * 6) } })),
          ...network.edges.map((e, i) => ({
            data: { id: `e${i}`, source: e.source, target: e.target, stance: e.stance, plover: e.plover, color: ploverColor(e.plover), width: 1 + Math.min(8, e.claims) },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(shown)',
              width: 'data(size)',
              height: 'data(size)',
              'font-size': LABEL_PX,
              'text-valign': 'bottom',
              'text-halign': 'center',
              'background-color': (n: { data(key: string): string }) => TYPE_COLORS[n.data('type')] ?? TYPE_COLORS.MISC,
              color: '#222',
              'text-background-color': '#fff',
              'text-background-opacity': 0.8,
              'text-background-padding': '1px',
            },
          },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'curve-style': 'bezier',
              'target-arrow-shape': 'triangle',
              'line-color': 'data(color)',
              'target-arrow-color': 'data(color)',
              // The stance shows in the line: dashed for denials.
              'line-style': (e: { data(key: string): NetworkStance }) => (e.data('stance') === 'deny' ? 'dashed' : 'solid'),
              opacity: 0.8,
            },
          },
        ],
        layout: { name: 'preset' },
      });
      const hidden = new Set<string>();
      // Labels as large on screen at any zoom, placed in view where they overlap nothing (label-layout.ts);
      // zooming in or panning places them again, and shows more.
      const relabel = () => {
        const zoom = cy.zoom();
        const gap = LABEL_GAP_PX / zoom;
        const nodes = cy.nodes();
        cy.batch(() => nodes.forEach((n) => void n.data('shown', n.data('name')).style('font-size', LABEL_PX / zoom)));
        const atSide = (n: NodeSingular, side: LabelSide) => {
          const vertical = side === 'top' || side === 'bottom';
          n.style({
            'text-valign': vertical ? side : 'center',
            'text-halign': vertical ? 'center' : side,
            'text-margin-x': side === 'right' ? gap : side === 'left' ? -gap : 0,
            'text-margin-y': side === 'bottom' ? gap : side === 'top' ? -gap : 0,
          });
        };
        const labelBox = (n: NodeSingular, side: LabelSide) => {
          atSide(n, side);
          return n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
        };
        const bodies = new Map(nodes.map((n) => [n, n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false })]));
        const ranked = nodes.toArray().sort((a, b) => b.data('mentions') - a.data('mentions') || (a.id() < b.id() ? -1 : 1));
        const sides = placeLabels(ranked, labelBox, bodies, cy.extent());
        hidden.clear();
        cy.batch(() => {
          for (const [node, side] of sides) {
            if (side) atSide(node, side);
            else {
              hidden.add(node.id());
              node.data('shown', '');
            }
          }
        });
      };
      const layout = cy.layout({ name: 'cose', animate: false, padding: 20 });
      layout.one('layoutstop', relabel);
      layout.run();
      cy.on('viewport', () => {
        clearTimeout(relabelTimer);
        relabelTimer = setTimeout(relabel, 120);
      });
      // A node whose label had no room shows it while the pointer is on it.
      cy.on('mouseover', 'node', (event) => {
        if (hidden.has(event.target.id())) event.target.data('shown', event.target.data('name'));
      });
      cy.on('mouseout', 'node', (event) => {
        if (hidden.has(event.target.id())) event.target.data('shown', '');
      });
      cy.on('tap', 'node', (event) => {
        window.location.hash = href('entities', event.target.id());
      });
      graph = cy;
    });
    return () => {
      destroyed = true;
      clearTimeout(relabelTimer);
      graph?.destroy();
    };
  }, [network]);
  return <div className="graph card" ref={box} role="img" aria-label="Actor network graph; the same edges are listed in the table below" />;
}

function EdgeTable({ network }: { network: NetworkJSON }) {
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  const edges = [...network.edges].sort((a, b) => b.claims - a.claims);
  return (
    <Table columns={['Speaker', 'Stance', 'Event type', 'About', 'Claims', 'Articles']} caption={`${edges.length} relations, most claims first`}>
      {edges.map((e) => (
        <tr key={`${e.source}-${e.target}-${e.stance}-${e.plover}`}>
          <td>
            <a href={href('entities', e.source)}>{names.get(e.source)}</a>
          </td>
          <td>
            <StanceBadge stance={e.stance} />
          </td>
          <td>
            <span className="dot" style={{ '--dot': ploverColor(e.plover) } as CSSProperties} /> {e.plover ?? 'none coded'}
          </td>
          <td>
            <a href={href('entities', e.target)}>{names.get(e.target)}</a>
          </td>
          <td className="num">{e.claims}</td>
          <td className="num">{e.articles}</td>
        </tr>
      ))}
    </Table>
  );
}
