// The workspace's shell: the header (pages, the served-graph picker, the language toggle) and the
// hash router. A route is `#/PAGE/REST?PARAMETERS`, so back and forward move between pages and a
// link to any view can be kept.

import { h, fill, api, session, errorBox } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { pages } from './pages.js';

const view = document.getElementById('view');
const header = document.getElementById('header');
const graphKey = 'tongxin.graph';

/** The served graphs (`/api/graphs`): their names, the first being the default. */
let graphs = [];

/** The current route: page name, the rest of the path, and the parameters. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?', 2);
  const [page, ...rest] = path.split('/');
  return { page: page || 'overview', rest: rest.map(decodeURIComponent).join('/'), parameters: new URLSearchParams(query) };
}

/** Goes to `page` with `parameters` (an object or URLSearchParams), adding a history entry. */
export function go(page, parameters = {}, rest = '') {
  const search = new URLSearchParams();
  for (const [name, value] of parameters instanceof URLSearchParams ? parameters : Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '') search.append(name, String(value));
  }
  const text = search.toString();
  location.hash = `#/${page}${rest ? '/' + encodeURIComponent(rest) : ''}${text ? '?' + text : ''}`;
}

function drawHeader() {
  const route = currentRoute();
  const names = ['overview', 'coverage', 'pairing', 'search', 'query'];
  if (graphs.length > 1) names.push('change');
  names.push('report');
  const picker = graphs.length > 1 ? h('label', { class: 'picker' }, t('graph') + ' ',
    h('select', {
      id: 'graph-picker',
      on: {
        change: (event) => {
          session.graph = event.target.value;
          remember();
          // A node of one graph need not be in another: from an entity page, go back to search.
          if (currentRoute().page === 'entity') location.hash = '#/search'; else route_();
        },
      },
    }, graphs.map((graph) => h('option', { value: graph.name, selected: graph.name === session.graph }, graph.name)))) : null;
  fill(header,
    h('a', { href: '#/', class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '同'), t('brand'),
      h('small', {}, t('tagline'))),
    h('nav', {}, names.map((name) => h('a', {
      href: `#/${name}`, class: route.page === name || (name === 'search' && route.page === 'entity') ? 'active' : null,
    }, t(`nav.${name}`)))),
    h('div', { class: 'tools' }, picker,
      h('button', { type: 'button', id: 'language', title: t('languageTitle'),
        on: { click: () => { setLang(lang === 'zh' ? 'en' : 'zh'); route_(); } } }, t('language'))));
}

function remember() {
  try { localStorage.setItem(graphKey, session.graph ?? ''); } catch { /* not remembered */ }
}

let generation = 0;

/** Draws the page the hash names; an older page still loading is not drawn over a newer one. */
async function route_() {
  const mine = ++generation;
  const route = currentRoute();
  drawHeader();
  const page = pages[route.page];
  document.title = `${t('brand')} · ${t(`nav.${route.page}`)}`;
  if (!page) { fill(view, h('p', { class: 'note' }, t('notFound'))); return; }
  fill(view, h('p', { class: 'loading' }, t('loading')));
  const container = h('section', { class: `page page-${route.page}` });
  try {
    await page(container, route, { graphs, isCurrent: () => mine === generation, go });
  } catch (error) {
    container.appendChild(errorBox(error));
    if (!(error instanceof Error) || !('status' in error)) console.error(error);
  }
  if (mine === generation) fill(view, container);
}

async function start() {
  setLang(lang);
  try {
    graphs = (await api('graphs')).graphs ?? [];
  } catch {
    graphs = [];
  }
  let saved = null;
  try { saved = localStorage.getItem(graphKey); } catch { /* none */ }
  session.graph = graphs.some((graph) => graph.name === saved) ? saved : graphs[0]?.name ?? null;
  window.addEventListener('hashchange', route_);
  await route_();
}

start();
