// Building the page safely. Every value from a graph goes into the page as text (text nodes,
// textContent, attribute values set one by one), never as markup; SVG from the server is parsed as
// SVG and stripped of anything that could run or load (sanitizedSVG). The one API client is here.

import { lang, t } from './i18n.js';

const svgNS = 'http://www.w3.org/2000/svg';

/**
 * An element: h('a', {href: '#/x', class: 'link'}, 'text', child, [more]). Strings and numbers become
 * text nodes; null, undefined and false are skipped; arrays are flattened. Attributes named on… are
 * refused (handlers are attached with `on: {click: f}`), so data can never become a script.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    } else if (/^on/i.test(name)) {
      throw new Error(`refusing attribute ${name}`);
    } else if (name === 'href' && !/^(#|\/api\/)/.test(String(value))) {
      throw new Error(`refusing link ${value}`);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `element` with `children`. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

// Number formats: the CLI's rules (TongxinResults' NumberFormat), so the page says what the command
// line and the spreadsheets say.

/** A fraction as a percentage with two decimals; below 1 never shows as 100%, above 0 never as 0%. */
export function percent(fraction) {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  const scale = 10000;
  let steps = Math.round(Math.abs(fraction) * scale);
  if (Math.abs(fraction) < 1) steps = Math.min(steps, scale - 1);
  if (Math.abs(fraction) > 0) steps = Math.max(steps, 1);
  return (fraction < 0 ? '-' : '') + (steps / 100).toFixed(2) + '%';
}

/** An integer with thousands separators (1,898). */
export function integer(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US');
}

/** A number with at most 4 significant digits (density, scores). */
export function decimal(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString();
}

// The API.

/** Served-graph choice and the access token the page was opened with, added to every request. */
export const session = { graph: null, token: new URLSearchParams(location.search).get('token') };

/** An answer of the API that is an error: its message and, for a query, where in it. */
export class APIError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.line = body?.line ?? null;
    this.column = body?.column ?? null;
  }
}

/**
 * The URL of `/api/COMMAND` with `parameters` (an array value repeats the parameter; null and ''
 * are left out), the served graph (unless `graph` is among the parameters, null for none: diff
 * names its two) and the token added.
 */
export function apiURL(command, parameters = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== '') search.append(name, String(item));
    }
  }
  if (session.graph && !('graph' in parameters)) search.set('graph', session.graph);
  if (session.token) search.set('token', session.token);
  const text = search.toString();
  return `/api/${command}${text ? '?' + text : ''}`;
}

async function request(command, parameters) {
  const response = await fetch(apiURL(command, parameters), { headers: { 'Accept-Language': lang } });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON: the status says it */ }
    throw new APIError(response.status, body);
  }
  return response;
}

/** The JSON answer of `/api/COMMAND`; throws APIError. */
export async function api(command, parameters = {}) {
  return (await request(command, parameters)).json();
}

/** The SVG answer of `/api/COMMAND`, parsed and made safe (sanitizedSVG). */
export async function apiSVG(command, parameters = {}) {
  return sanitizedSVG(await (await request(command, parameters)).text());
}

// SVG from the server: parsed as SVG, never as HTML, and cleaned before it enters the page.

const forbiddenElements = new Set([
  'script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'image', 'feimage',
  'animate', 'animatemotion', 'animatetransform', 'set', 'handler', 'listener',
]);

/**
 * `text` parsed by DOMParser as image/svg+xml, with every element outside the SVG namespace or able
 * to run or load something removed (script, foreignObject, animation, images), every on… attribute
 * removed, links other than to fragments removed, and styles that load anything removed. Throws when
 * `text` is not an SVG document. O(size of the SVG).
 */
export function sanitizedSVG(text) {
  const document_ = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document_.documentElement;
  if (document_.getElementsByTagName('parsererror').length || root.namespaceURI !== svgNS || root.localName !== 'svg') {
    throw new Error('the server did not answer with SVG');
  }
  const elements = [root, ...root.getElementsByTagName('*')];
  for (const element of elements) {
    const name = element.localName.toLowerCase();
    if (element.namespaceURI !== svgNS || forbiddenElements.has(name)) { element.remove(); continue; }
    if (name === 'style' && /@import|url\s*\(\s*['"]?(?!#)/i.test(element.textContent)) { element.remove(); continue; }
    for (const attribute of [...element.attributes]) {
      const attributeName = attribute.name.toLowerCase();
      const value = attribute.value.trim();
      if (attributeName.startsWith('on')
          || ((attributeName === 'href' || attributeName.endsWith(':href')) && !value.startsWith('#'))
          || (/url\s*\(\s*['"]?(?!#)/i.test(value))) {
        element.removeAttribute(attribute.name);
      }
    }
  }
  return document.importNode(root, true);
}

// Tables.

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });

/**
 * A table of `rows` under `columns` ({key, title, numeric, format(value, row) → text or Node,
 * sort(row) → value}); clicking a header sorts by it (ascending, then descending; empty last).
 * `onRow(row)` makes rows clickable (and reachable by keyboard).
 */
export function dataTable(columns, rows, { onRow = null, caption = null, className = '' } = {}) {
  const body = h('tbody');
  let sortedBy = null, descending = false;
  const headers = columns.map((column, index) => h('th', {
    scope: 'col', class: column.numeric ? 'num' : null, tabindex: 0, title: t('sortHint'), 'aria-sort': 'none',
    on: {
      click: () => sortBy(index),
      keydown: (event) => { if (event.key === 'Enter') sortBy(index); },
    },
  }, column.title));
  const sortValue = (column, row) => (column.sort ? column.sort(row) : row[column.key]);

  function sortBy(index) {
    descending = sortedBy === index ? !descending : false;
    sortedBy = index;
    const column = columns[index];
    const keyed = rows.map((row, order) => ({ row, order, value: sortValue(column, row) }));
    keyed.sort((a, b) => {
      const emptyA = a.value === null || a.value === undefined || a.value === '';
      const emptyB = b.value === null || b.value === undefined || b.value === '';
      if (emptyA || emptyB) return emptyA === emptyB ? a.order - b.order : emptyA ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return (descending ? -order : order) || a.order - b.order;
    });
    headers.forEach((header, i) => header.setAttribute('aria-sort', i !== index ? 'none' : descending ? 'descending' : 'ascending'));
    draw(keyed.map((item) => item.row));
  }

  function draw(ordered) {
    fill(body, ordered.map((row) => h('tr', onRow ? {
      class: 'clickable', tabindex: 0,
      on: { click: () => onRow(row), keydown: (event) => { if (event.key === 'Enter') onRow(row); } },
    } : {}, columns.map((column) => {
      const value = column.format ? column.format(row[column.key], row) : row[column.key];
      return h('td', { class: column.numeric ? 'num' : null }, cellText(value));
    }))));
  }

  draw(rows);
  return h('div', { class: `table-wrap ${className}` },
    h('table', {}, caption ? h('caption', {}, caption) : null, h('thead', {}, h('tr', {}, headers)), body));
}

/** A query result value as text: lists in brackets, nodes by name, null as empty. */
export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Node) return value;
  if (Array.isArray(value)) return '[' + value.map((item) => cellText(item)).join(', ') + ']';
  if (typeof value === 'object') {
    if ('name' in value && 'id' in value) return `${value.name} (${value.id})`;
    if ('source' in value && 'target' in value) return `${value.source} -[${value.kind}]-> ${value.target}`;
    if ('nodes' in value) return value.nodes.map((node) => cellText(node)).join(' → ');
    return JSON.stringify(value);
  }
  return String(value);
}

/** A link to a node's entity page, its name as text. */
export function entityLink(id, name) {
  return h('a', { href: `#/entity/${encodeURIComponent(id)}`, class: 'entity' }, name ?? id);
}

/** An error message block; for a query, the line with a caret under the column. */
export function errorBox(error, source = null) {
  const box = h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error') + ': '), error.message ?? String(error));
  if (source !== null && error.line) {
    const lines = source.split('\n');
    const line = lines[error.line - 1] ?? '';
    // The caret sits after an invisible copy of the text before the column, so it lines up in any
    // font and with wide (Chinese) characters.
    const before = [...line].slice(0, Math.max((error.column ?? 1) - 1, 0)).join('');
    box.appendChild(h('pre', { class: 'caret' }, `${error.line}:${error.column ?? 1}\n`, h('span', { class: 'source-line' }, line),
      '\n', h('span', { class: 'pad', 'aria-hidden': 'true' }, before), h('span', { class: 'mark' }, '^')));
  }
  return box;
}
