// The workspace's pages. Each is `async (container, route, context)`: it asks the API, builds its
// content into `container` with dom.js's safe builders, and navigates with `context.go`.

import {
  h, fill, api, apiSVG, apiURL, dataTable, entityLink, errorBox, percent, integer, decimal, session,
} from './dom.js';
import { lang, t, label } from './i18n.js';

const xlinkNS = 'http://www.w3.org/1999/xlink';
const levels = ['province', 'city', 'county', 'town', 'village'];
const defaultVia = ['within', 'serves', 'liaison_for', 'paired_with'];
const allVia = ['within', 'serves', 'liaison_for', 'paired_with', 'member_of', 'leads', 'tie'];

/** The level below `level` (province → city …), or null. */
function levelBelow(level) {
  const index = levels.indexOf(level);
  return index >= 0 && index + 1 < levels.length ? levels[index + 1] : null;
}

/** A rate as a percentage with a bar under it, for tables. */
function rateCell(rate) {
  const width = rate === null || rate === undefined ? 0 : Math.max(0, Math.min(1, rate)) * 100;
  const bar = h('span', { class: 'bar' });
  bar.style.width = `${width.toFixed(1)}%`;  // Through the CSSOM: the pages' policy allows no style attributes.
  return h('span', { class: 'rate' }, bar, percent(rate));
}

/** A titled block. */
function panel(title, ...children) {
  return h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...children);
}

/**
 * The map SVG from `/api/map` with its region shapes made clickable: a shape's region is its
 * `data-id`; `onRegion(id)` is called on a click. A map that cannot be
 * drawn (no boundaries installed) shows its error instead.
 */
async function regionMap(parameters, onRegion) {
  try {
    const svg = await apiSVG('map', parameters);
    svg.classList.add('map');
    svg.removeAttribute('height');
    svg.setAttribute('role', 'img');
    if (onRegion) {
      for (const shape of svg.querySelectorAll('[data-id]')) {
        shape.classList.add('clickable');
        shape.addEventListener('click', () => onRegion(shape.getAttribute('data-id')));
      }
    }
    return h('div', { class: 'map-wrap' }, svg);
  } catch (error) {
    return errorBox(error);
  }
}

// Overview

async function overview(container) {
  const info = await api('info');
  const counts = (object, group) => Object.entries(object ?? {}).map(([key, count]) => ({ key, name: label(group, key), count }));
  const countTable = (rows, title) => dataTable([
    { key: 'name', title },
    { key: 'count', title: t('count'), numeric: true, format: integer },
  ], rows);
  const metadata = Object.entries(info.metadata ?? {}).map(([key, value]) => ({
    key, value: typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
  }));
  container.append(
    h('h1', {}, info.name ?? t('overview.title')),
    h('div', { class: 'cards' },
      h('div', { class: 'card' }, h('span', { class: 'figure' }, integer(info.nodes)), h('span', {}, t('nodes'))),
      h('div', { class: 'card' }, h('span', { class: 'figure' }, integer(info.edges)), h('span', {}, t('edges'))),
      h('div', { class: 'card' }, h('span', { class: 'figure' }, integer(info.components)), h('span', {}, t('components'))),
      ...counts(info.node_kinds, 'kind').map((row) => h('div', { class: 'card small' },
        h('span', { class: 'figure' }, integer(row.count)), h('span', {}, row.name)))),
    h('div', { class: 'columns wide-first' },
      panel(t('overview.map'), await regionMap({ unit: 'town', by: 'organization[type=商会]', lang },
        (code) => location.hash = `#/coverage?unit=town&by=${encodeURIComponent('organization[type=商会]')}&region=${encodeURIComponent(code)}`)),
      h('div', {},
        panel(t('overview.levels'), countTable(counts(info.levels, 'level'), t('level'))),
        panel(t('overview.edgeKinds'), countTable(counts(info.edge_kinds, 'edge'), t('kind'))))),
    panel(t('overview.warnings'), (info.warnings ?? []).length
      ? h('ul', { class: 'warnings' }, info.warnings.map((warning) => h('li', {}, typeof warning === 'string' ? warning : JSON.stringify(warning))))
      : h('p', { class: 'note' }, t('overview.noWarnings'))),
    h('details', { class: 'panel' }, h('summary', {}, `${t('overview.metadata')} (${metadata.length})`),
      dataTable([{ key: 'key', title: t('attribute') }, { key: 'value', title: t('value') }], metadata)));
}

// Coverage

/** Organization types and figure categories of the served graph, by a query; kept per graph. */
const vocabulary = new Map();
async function graphVocabulary() {
  const key = session.graph ?? '';
  if (!vocabulary.has(key)) {
    const ask = async (text) => (await api('query', { query: text })).rows.map((row) => row[0]).filter((value) => value !== null);
    vocabulary.set(key, {
      types: await ask('MATCH (o:organization) RETURN DISTINCT o.type AS type ORDER BY type'),
      categories: await ask('MATCH (f:figure) RETURN DISTINCT f.category AS category ORDER BY category'),
    });
  }
  return vocabulary.get(key);
}

/** The place path of `node` (its ancestors and itself), from the entity endpoint; [] when none. */
async function placePath(node) {
  if (!node) return [];
  const entity = await api('entity', { node });
  return [...entity.path, { id: entity.id, name: entity.name, level: entity.level }];
}

function coverageQuestion(parameters) {
  return {
    unit: parameters.get('unit') || 'town',
    by: parameters.get('by') || 'organization[type=商会]',
    via: (parameters.get('via') || defaultVia.join(',')).split(',').filter(Boolean),
    region: parameters.get('region') || '',
  };
}

/**
 * The coverage question as a form: unit, covering nodes (organization types and figure categories
 * of the graph) and the edge kinds via which they cover; `onAsk({unit, by, via})` on a change.
 */
function coverageForm(question, { types, categories }, onAsk, ...more) {
  const unitSelect = h('select', { name: 'unit' }, ['village', 'town', 'county', 'city'].map((unit) =>
    h('option', { value: unit, selected: unit === question.unit }, label('level', unit))));
  const bySelect = h('select', { name: 'by' },
    h('option', { value: 'organization', selected: question.by === 'organization' }, t('coverage.anyOrganization')),
    h('optgroup', { label: t('coverage.organizations') }, types.map((type) => {
      const selector = `organization[type=${type}]`;
      return h('option', { value: selector, selected: selector === question.by }, type);
    })),
    h('option', { value: 'figure', selected: question.by === 'figure' }, t('coverage.anyFigure')),
    h('optgroup', { label: t('coverage.figures') }, categories.map((category) => {
      const selector = `figure[category=${category}]`;
      return h('option', { value: selector, selected: selector === question.by }, category);
    })),
    ![...['organization', 'figure'], ...types.map((type) => `organization[type=${type}]`), ...categories.map((c) => `figure[category=${c}]`)]
      .includes(question.by) ? h('option', { value: question.by, selected: true }, question.by) : null);
  const viaBoxes = allVia.map((kind) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'via', value: kind, checked: question.via.includes(kind) }), label('edge', kind)));
  const form = h('form', {
    class: 'question',
    on: {
      submit: (event) => {
        event.preventDefault();
        const via = viaBoxes.map((box) => box.firstChild).filter((box) => box.checked).map((box) => box.value);
        onAsk({ unit: unitSelect.value, by: bySelect.value, via: via.length ? via : defaultVia });
      },
    },
  }, h('label', {}, t('coverage.unit') + ' ', unitSelect), h('label', {}, t('coverage.by') + ' ', bySelect),
  h('fieldset', {}, h('legend', {}, t('coverage.via')), viaBoxes), ...more, h('button', { type: 'submit' }, t('coverage.show')));
  for (const select of [unitSelect, bySelect]) select.addEventListener('change', () => form.requestSubmit());
  return form;
}

async function coverage(container, route, context) {
  const question = coverageQuestion(route.parameters);
  const [{ types, categories }, data, path] = await Promise.all([
    graphVocabulary(),
    api('coverage', apiQuestion(question)),
    placePath(question.region),
  ]);
  const goTo = (changes) => {
    const next = { ...question, ...changes };
    context.go('coverage', { unit: next.unit, by: next.by, via: next.via.join(','), region: next.region });
  };

  const form = coverageForm(question, { types, categories }, goTo);

  // Where we are: 全部 / 湖北省 / 十堰市 …
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': t('coverage.region') },
    h('a', { href: coverageHash({ ...question, region: '' }) }, t('coverage.whole')),
    path.map((place) => [' / ', h('a', { href: coverageHash({ ...question, region: place.id }) }, place.name)]));

  // The table: the region itself, then the regions one level down.
  const top = question.region ? data.regions.find((region) => region.id === path.at(-1)?.id) ?? data.regions[0] : data.regions[0];
  const childLevel = top ? levelBelow(top.level) : null;
  const children = data.regions.filter((region) => region.level === childLevel);
  const rows = top ? [top, ...children.filter((region) => region !== top)] : [];
  const drill = (region) => { if (region !== top) goTo({ region: region.id }); };
  const table = dataTable([
    { key: 'name', title: t('name'), format: (name, row) => (row === top ? h('strong', {}, name) : name) },
    { key: 'level', title: t('level'), format: (level) => label('level', level) },
    { key: 'units', title: t('coverage.units'), numeric: true, format: integer },
    { key: 'covered', title: t('coverage.covered'), numeric: true, format: integer },
    { key: 'rate', title: t('coverage.rate'), numeric: true, format: rateCell },
  ], rows, { onRow: drill, className: 'coverage-table' });

  const regionName = top?.name ?? data.graph;
  const summary = h('p', { class: 'summary' }, t('coverage.summary', {
    region: regionName, units: integer(data.units), covered: integer(data.covered), rate: percent(data.rate), unit: label('level', data.unit),
  }));
  const downloads = h('p', { class: 'downloads' },
    h('a', { href: apiURL('coverage', { ...apiQuestion(question), format: 'xlsx' }), download: 'coverage.xlsx', class: 'button', id: 'download-xlsx' }, t('coverage.download')),
    ' ',
    h('a', { href: apiURL('coverage', { ...apiQuestion(question), format: 'csv' }), download: 'coverage.csv', class: 'button secondary' }, t('coverage.downloadCSV')));

  const shown = data.uncovered.slice(0, 1000);
  const uncovered = panel(`${t('coverage.uncovered')} (${integer(data.uncovered.length)})`,
    data.uncovered.length === 0 ? h('p', { class: 'note' }, t('coverage.allCovered')) : dataTable([
      { key: 'name', title: t('name'), format: (name, row) => entityLink(row.id, name), sort: (row) => row.name },
      { key: 'id', title: t('id') },
      { key: 'path', title: t('path'), format: (path) => path.join(' / '), sort: (row) => row.path.join('/') },
    ], shown, { className: 'uncovered' }),
    data.uncovered.length > shown.length ? h('p', { class: 'note' }, t('entity.more', { n: integer(data.uncovered.length - shown.length) })) : null);

  const mapLevel = childLevel && childLevel !== 'town' && childLevel !== 'village' ? childLevel : null;
  const map = mapLevel ? panel(t('coverage.map'), await regionMap(
    { ...apiQuestion(question), level: mapLevel, lang }, (code) => goTo({ region: code }))) : null;

  container.append(h('h1', {}, t('coverage.title')), form, crumbs, summary,
    h('div', { class: map ? 'columns wide-last' : '' }, h('div', {}, table, children.length ? h('p', { class: 'note' }, t('coverage.drill')) : null, downloads), map),
    uncovered);
}

function apiQuestion(question) {
  return { unit: question.unit, by: question.by, via: question.via.join(','), region: question.region };
}

function coverageHash(question) {
  const search = new URLSearchParams({ unit: question.unit, by: question.by, via: question.via.join(',') });
  if (question.region) search.set('region', question.region);
  return `#/coverage?${search}`;
}

// Pairing

/** What a pairing side's selector names: its category or type when it has one, else its kind. */
function sideName(selector) {
  const match = /^(\w+)(?:\[(?:category|type)=([^\]]+)\])?$/.exec(selector);
  return match ? match[2] ?? label('kind', match[1]) : selector;
}

const programmes = {
  villages: { left: 'enterprise', right: 'village' },
  experts: { left: 'figure[category=党外专家]', right: 'enterprise' },
  cadres: { left: 'figure[category=统战干部]', right: 'enterprise' },
  finance: { left: 'figure[category=金融人才]', right: 'enterprise' },
  talents: { left: 'figure[category=统战干部]', right: 'figure[category=能人]' },
};

async function pairing(container, route, context) {
  const parameters = route.parameters;
  const programme = programmes[parameters.get('programme')] ? parameters.get('programme') : 'villages';
  const region = parameters.get('region') || '';
  const by = parameters.get('by') || 'city';
  const { left, right } = programmes[programme];
  const [data, path] = await Promise.all([
    api('pairing', { left, right, region, by, suggest: 'true' }),
    placePath(region),
  ]);
  const goTo = (changes) => context.go('pairing', { programme, region, by, ...changes });

  const programmeSelect = h('select', { name: 'programme', on: { change: (event) => goTo({ programme: event.target.value }) } },
    Object.keys(programmes).map((name) => h('option', { value: name, selected: name === programme }, t(`programme.${name}`))));
  const bySelect = h('select', { name: 'by', on: { change: (event) => goTo({ by: event.target.value }) } },
    ['city', 'county', 'town'].map((level) => h('option', { value: level, selected: level === by }, label('level', level))));
  const crumbs = h('nav', { class: 'crumbs' },
    h('a', { href: `#/pairing?programme=${programme}&by=city` }, t('coverage.whole')),
    path.map((place) => [' / ', h('a', {
      href: `#/pairing?programme=${programme}&region=${encodeURIComponent(place.id)}&by=${levelBelow(place.level) ?? 'town'}`,
    }, place.name)]));

  const whole = data.regions[0];
  const leftName = sideName(left), rightName = sideName(right);
  const table = dataTable([
    { key: 'name', title: t('name'), format: (name, row) => (row === whole ? h('strong', {}, name ?? data.graph) : name) },
    { key: 'left', title: leftName, numeric: true, format: integer },
    { key: 'right', title: rightName, numeric: true, format: integer },
    { key: 'pairs', title: t('pairing.pairs'), numeric: true, format: integer },
    { key: 'density', title: t('pairing.density'), numeric: true, format: decimal },
    { key: 'right_share', title: t('pairing.shareOf', { side: rightName }), numeric: true, format: rateCell },
    { key: 'max_matching', title: t('pairing.matching'), numeric: true, format: integer },
    { key: 'unpaired', title: t('pairing.unpaired'), numeric: true, format: (ids) => integer(ids.length), sort: (row) => row.unpaired.length },
  ], data.regions, {
    onRow: (row) => { if (row !== whole && row.id) goTo({ region: row.id, by: levelBelow(row.level) ?? 'town' }); },
  });

  // Unpaired right nodes of the region, each with the partner suggested for it.
  const proposals = new Map((data.suggestions?.proposals ?? []).map((proposal) => [proposal.right, proposal]));
  const unpairedRows = (whole?.unpaired ?? []).slice(0, 1000).map((id) => {
    const proposal = proposals.get(id);
    return { id, name: proposal?.right_name ?? id, partner: proposal?.left ?? null, partnerName: proposal?.left_name ?? null,
      cost: proposal?.cost ?? null, shared: proposal?.shared ?? null };
  });
  const unpaired = panel(t('pairing.unpairedIn', { region: whole?.name ?? data.graph, right: rightName }) + ` (${integer(whole?.unpaired.length ?? 0)})`,
    unpairedRows.length === 0 ? h('p', { class: 'note' }, t('none')) : dataTable([
      { key: 'name', title: t('name'), format: (name, row) => entityLink(row.id, name) },
      { key: 'id', title: t('id') },
      { key: 'partnerName', title: t('pairing.proposals'), format: (name, row) => (row.partner ? entityLink(row.partner, name) : t('pairing.unassigned')) },
      { key: 'cost', title: t('pairing.cost'), numeric: true },
      { key: 'shared', title: t('pairing.shared'), format: (shared) => label('shared', shared) },
    ], unpairedRows));

  container.append(h('h1', {}, t('pairing.title')),
    h('form', { class: 'question', on: { submit: (event) => event.preventDefault() } },
      h('label', {}, t('pairing.programme') + ' ', programmeSelect), h('label', {}, t('pairing.by') + ' ', bySelect)),
    crumbs, table,
    h('p', { class: 'downloads' }, h('a', {
      class: 'button', download: 'pairing.xlsx', href: apiURL('pairing', { left, right, region, by, suggest: 'true', format: 'xlsx' }),
    }, t('coverage.download'))),
    unpaired);
}

// Search

async function search(container, route) {
  const input = h('input', {
    type: 'search', id: 'search-input', value: route.parameters.get('q') ?? '', placeholder: t('search.placeholder'),
    autocomplete: 'off', 'aria-label': t('search.title'),
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  let timer = null, asked = 0;
  async function ask() {
    const text = input.value.trim();
    history.replaceState(null, '', text ? `#/search?q=${encodeURIComponent(text)}` : '#/search');
    const mine = ++asked;
    if (!text) { fill(results, h('p', { class: 'note' }, t('search.hint'))); return; }
    try {
      const data = await api('search', { q: text });
      if (mine === asked) drawResults(results, data);
    } catch (error) {
      if (mine === asked) fill(results, errorBox(error));
    }
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 200); });
  container.append(h('h1', {}, t('search.title')),
    h('form', { class: 'search', on: { submit: (event) => { event.preventDefault(); ask(); } } }, input), results);
  await ask();
  setTimeout(() => input.focus(), 0);
}

function drawResults(element, data) {
  if (!data.results.length) { fill(element, h('p', { class: 'note' }, t('noResults'))); return; }
  const groups = new Map();
  for (const result of data.results) {
    if (!groups.has(result.kind)) groups.set(result.kind, []);
    groups.get(result.kind).push(result);
  }
  fill(element, h('p', { class: 'note' }, t('search.results', { n: integer(data.total) })),
    [...groups].map(([kind, items]) => panel(`${label('kind', kind)} (${integer(data.counts?.[kind] ?? items.length)})`,
      h('ul', { class: 'hits' }, items.map((item) => h('li', {},
        entityLink(item.id, item.name),
        h('span', { class: 'tag' }, item.level ? label('level', item.level) : item.type ?? item.category ?? label('kind', item.kind)),
        h('span', { class: 'id' }, item.id),
        h('span', { class: 'where' }, item.path.join(' / '))))),
      data.counts?.[kind] > items.length ? h('p', { class: 'note' }, t('entity.more', { n: integer(data.counts[kind] - items.length) })) : null)));
}

// Entity

async function entity(container, route) {
  const id = route.rest;
  const data = await api('entity', { node: id });
  const attributes = Object.entries(data.attributes).map(([key, value]) => ({
    key: label('attribute', key), value: key === 'level' ? label('level', value) : typeof value === 'boolean' ? (value ? '✓' : '✗') : value,
  }));
  const links = panel(t('entity.links'), data.links.length === 0 ? h('p', { class: 'note' }, t('none')) : data.links.map((group) =>
    h('details', { class: 'links', open: group.count <= 30 },
      h('summary', {}, `${label('edge', group.kind)} · ${t(group.direction === 'out' ? 'entity.outgoing' : 'entity.incoming')} (${integer(group.count)})`),
      h('ul', { class: 'hits' }, group.nodes.map((node) => h('li', {},
        entityLink(node.id, node.name), h('span', { class: 'tag' }, label('kind', node.kind)), h('span', { class: 'id' }, node.id)))),
      group.count > group.nodes.length ? h('p', { class: 'note' }, t('entity.more', { n: integer(group.count - group.nodes.length) })) : null)));

  const diagram = panel(t('entity.diagram'), h('p', { class: 'note' }, t('entity.diagramHint')), await neighbourhood(data.id));
  container.append(
    h('nav', { class: 'crumbs' }, data.path.map((place, index) => [index ? ' / ' : '', entityLink(place.id, place.name)])),
    h('h1', {}, data.name, ' ', h('span', { class: 'tag' }, data.level ? label('level', data.level) : label('kind', data.kind)),
      ' ', h('span', { class: 'id' }, data.id)),
    h('div', { class: 'columns' },
      h('div', {},
        panel(t('entity.attributes'), dataTable([{ key: 'key', title: t('attribute') }, { key: 'value', title: t('value') }], attributes)),
        links),
      diagram));
}

/**
 * The neighbourhood diagram of `id` from `/api/render` (Graphviz SVG), each node's shape a link to
 * its entity page: Graphviz writes a node as `<g class="node"><title>n3</title><g><a xlink:title="ID">…`,
 * the tooltip (`xlink:title`) starting with the node's id (a region group's name when collapsed).
 */
async function neighbourhood(id) {
  try {
    const svg = await apiSVG('render', { focus: id, depth: 1, 'max-nodes': 40, lang });
    svg.classList.add('diagram');
    for (const node of svg.querySelectorAll('g.node')) {
      // Graphviz names nodes n0, n1…; the node's id is the first line of its tooltip.
      const anchor = node.querySelector('a');
      const tooltip = anchor?.getAttributeNS(xlinkNS, 'title') ?? node.querySelector('title')?.textContent ?? '';
      const target = tooltip.split('\n')[0].trim();
      if (!target) continue;
      node.classList.add('clickable');
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'link');
      const open = () => { location.hash = `#/entity/${encodeURIComponent(target)}`; };
      node.addEventListener('click', open);
      node.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
    }
    return h('div', { class: 'diagram-wrap' }, svg);
  } catch (error) {
    return errorBox(error);
  }
}

// Query

const examples = [
  "MATCH (e:enterprise)-[:paired_with]->(v:village)-[:within*1..3]->(c:region {name: '宜昌市'})\nRETURN c.name AS city, count(*) AS pairs, count(DISTINCT e) AS enterprises, count(DISTINCT v) AS villages",
  "MATCH (o:organization)-[:within*1..4]->(:region {name: '十堰市'})\nRETURN o.type AS type, count(*) AS n ORDER BY n DESC, type LIMIT 10",
  "MATCH (f:figure)-[:liaison_for]->(x)-[:within*1..3]->(:region {name: '随州市'})\nRETURN f.category AS category, x.kind AS serves, count(*) AS links ORDER BY links DESC",
  "MATCH (c:region {name: '宜昌市'})<-[:within]-(county:region)<-[:within]-(town:region)\nRETURN county.name AS county, count(town) AS towns ORDER BY towns DESC, county",
  "MATCH p = shortestPath((a:region {name: '郧西县'})-[:within*]-(b:region {name: '长阳土家族自治县'}))\nRETURN [n IN nodes(p) | n.name] AS route, length(p) AS hops",
];

async function query(container, route, context) {
  const text = route.parameters.get('q') ?? '';
  const editor = h('textarea', { id: 'query-text', rows: 5, spellcheck: 'false', 'aria-label': t('query.title') });
  editor.value = text || examples[1];
  const run = () => context.go('query', { q: editor.value });
  editor.addEventListener('keydown', (event) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run(); });
  const result = h('div', { class: 'query-result' });
  container.append(h('h1', {}, t('query.title')), h('p', { class: 'note' }, t('query.help')),
    h('form', { class: 'query', on: { submit: (event) => { event.preventDefault(); run(); } } },
      editor, h('button', { type: 'submit', id: 'query-run' }, t('query.run'))),
    h('details', { class: 'examples' }, h('summary', {}, t('query.examples')), h('ul', {}, examples.map((example) =>
      h('li', {}, h('a', { href: `#/query?q=${encodeURIComponent(example)}` }, h('code', {}, example)))))),
    result);
  if (!text) return;
  try {
    const data = await api('query', { query: text });
    const numeric = data.columns.map((_, index) => data.rows.length > 0
      && data.rows.every((row) => row[index] === null || typeof row[index] === 'number'));
    const columns = data.columns.map((name, index) => ({
      key: index, title: name, numeric: numeric[index],
      format: (value) => (value && typeof value === 'object' && !Array.isArray(value) && value.id !== undefined && value.kind !== undefined && value.source === undefined
        ? entityLink(value.id, value.name ?? value.id) : numeric[index] ? decimal(value) : value),
      sort: (row) => (row[index] && typeof row[index] === 'object' ? JSON.stringify(row[index]) : row[index]),
    }));
    fill(result, h('p', { class: 'note' }, t('query.rows', { n: integer(data.rows.length) })),
      dataTable(columns, data.rows, { className: 'query-table' }));
  } catch (error) {
    fill(result, errorBox(error, text));
  }
}

// Change (two served versions)

/** A change in a rate as signed percentage points (`+12.50 pp`), the CLI's form. */
function points(change) {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  return (change >= 0 ? '+' : '-') + Math.abs(change * 100).toFixed(2) + ' pp';
}

function signed(value) {
  if (value === null || value === undefined) return '—';
  return (value > 0 ? '+' : '') + integer(value);
}

async function change(container, route, context) {
  const graphs = context.graphs;
  if (graphs.length < 2) { container.append(h('h1', {}, t('change.title')), h('p', { class: 'note' }, t('change.needsTwo'))); return; }
  const parameters = route.parameters;
  const names = graphs.map((graph) => graph.name);
  const older = names.includes(parameters.get('old')) ? parameters.get('old') : names[1];
  const newer = names.includes(parameters.get('new')) ? parameters.get('new') : names[0];
  const question = coverageQuestion(parameters);
  const region = parameters.get('region') || '';
  const programme = programmes[parameters.get('programme')] ? parameters.get('programme') : 'villages';
  const goTo = (changes) => {
    const next = { old: older, new: newer, unit: question.unit, by: question.by, via: question.via.join(','), region, programme, ...changes };
    context.go('change', next);
  };
  const [vocabularyOfGraph, data] = await Promise.all([graphVocabulary(), api('diff', {
    old: older, new: newer, graph: null, region, coverage: 'true', unit: question.unit, by: question.by, via: question.via.join(','),
    pairing: 'true', left: programmes[programme].left, right: programmes[programme].right, 'pairing-by': 'county',
  })]);

  const versionSelect = (name, value) => h('select', { name, on: { change: (event) => goTo({ [name]: event.target.value }) } },
    names.map((graph) => h('option', { value: graph, selected: graph === value }, graph)));
  const counts = Object.entries(data.counts?.nodes ?? {}).map(([kind, count]) => ({ kind: label('kind', kind), ...count }));
  const coverageRows = (data.coverage?.regions ?? []).map((row) => ({
    ...row, beforeRate: row.before?.rate ?? null, afterRate: row.after?.rate ?? null,
    beforeCovered: row.before?.covered ?? null, afterCovered: row.after?.covered ?? null,
  }));
  const pairingRows = (data.pairing?.regions ?? []).map((row) => ({
    ...row, beforePairs: row.before?.pairs ?? null, afterPairs: row.after?.pairs ?? null,
    beforeShare: row.before?.right_share ?? null, afterShare: row.after?.right_share ?? null,
  }));
  const people = (list) => dataTable([
    { key: 'name', title: t('name'), format: (name, row) => entityLink(row.id, name) },
    { key: 'id', title: t('id') },
    { key: 'path', title: t('path'), format: (path) => (path ?? []).join(' / '), sort: (row) => (row.path ?? []).join('/') },
  ], (list ?? []).slice(0, 500));

  container.append(h('h1', {}, t('change.title')),
    coverageForm(question, vocabularyOfGraph, (asked) => goTo({ ...asked, via: asked.via.join(',') }),
      h('label', {}, t('change.old') + ' ', versionSelect('old', older)), h('label', {}, t('change.new') + ' ', versionSelect('new', newer)),
      h('label', {}, t('pairing.programme') + ' ', h('select', { on: { change: (event) => goTo({ programme: event.target.value }) } },
        Object.keys(programmes).map((name) => h('option', { value: name, selected: name === programme }, t(`programme.${name}`)))))),
    h('div', { class: 'columns' },
      panel(t('nodes'), dataTable([
        { key: 'kind', title: t('kind') },
        { key: 'added', title: t('change.added'), numeric: true, format: integer },
        { key: 'removed', title: t('change.removed'), numeric: true, format: integer },
        { key: 'changed', title: t('change.changed'), numeric: true, format: integer },
      ], counts)),
      panel(`${t('coverage.title')} · ${data.coverage?.selector ?? ''}`, h('p', { class: 'summary' },
        `${percent(data.coverage?.before?.rate)} → ${percent(data.coverage?.after?.rate)} (${points(data.coverage?.delta_rate)})`))),
    panel(t('coverage.title'), dataTable([
      { key: 'name', title: t('name') },
      { key: 'level', title: t('level'), format: (level) => label('level', level) },
      { key: 'beforeCovered', title: `${t('coverage.covered')} · ${t('change.before')}`, numeric: true, format: integer },
      { key: 'afterCovered', title: `${t('coverage.covered')} · ${t('change.after')}`, numeric: true, format: integer },
      { key: 'beforeRate', title: `${t('coverage.rate')} · ${t('change.before')}`, numeric: true, format: percent },
      { key: 'afterRate', title: `${t('coverage.rate')} · ${t('change.after')}`, numeric: true, format: percent },
      { key: 'delta_rate', title: 'Δ', numeric: true, format: points },
    ], coverageRows, { onRow: (row) => goTo({ region: row.id }), className: 'change-coverage' })),
    panel(t('pairing.title'), dataTable([
      { key: 'name', title: t('name') },
      { key: 'beforePairs', title: `${t('pairing.pairs')} · ${t('change.before')}`, numeric: true, format: integer },
      { key: 'afterPairs', title: `${t('pairing.pairs')} · ${t('change.after')}`, numeric: true, format: integer },
      { key: 'delta_pairs', title: 'Δ', numeric: true, format: signed },
      { key: 'beforeShare', title: `${t('pairing.rightShare')} · ${t('change.before')}`, numeric: true, format: percent },
      { key: 'afterShare', title: `${t('pairing.rightShare')} · ${t('change.after')}`, numeric: true, format: percent },
      { key: 'delta_right_share', title: 'Δ', numeric: true, format: points },
    ], pairingRows)),
    h('div', { class: 'columns' },
      panel(`${t('change.newlyCovered')} (${integer(data.coverage?.newly_covered?.length ?? 0)})`, people(data.coverage?.newly_covered)),
      panel(`${t('change.newlyUncovered')} (${integer(data.coverage?.newly_uncovered?.length ?? 0)})`, people(data.coverage?.newly_uncovered))));
}

// Report

async function report(container, route, context) {
  const region = route.parameters.get('region') || '';
  const path = await placePath(region);
  const input = h('input', { type: 'search', name: 'region', value: region, placeholder: t('report.regionHint'), 'aria-label': t('coverage.region') });
  const address = apiURL('report', { region, lang });
  container.append(h('h1', {}, t('report.title')), h('p', { class: 'note' }, t('report.hint')),
    h('form', { class: 'question', on: { submit: (event) => { event.preventDefault(); context.go('report', { region: input.value.trim() }); } } },
      h('label', {}, t('coverage.region') + ' ', input), h('button', { type: 'submit' }, t('coverage.show'))),
    h('nav', { class: 'crumbs' }, h('a', { href: '#/report' }, t('coverage.whole')),
      path.map((place) => [' / ', h('a', { href: `#/report?region=${encodeURIComponent(place.id)}` }, place.name)])),
    h('p', {}, h('a', { href: address, target: '_blank', rel: 'noopener', class: 'button', id: 'open-report' },
      t('report.open'), path.length ? ` · ${path.at(-1).name}` : '')));
}

// Registry: route name → page.
export const pages = { overview, coverage, pairing, search, entity, query, change, report };
