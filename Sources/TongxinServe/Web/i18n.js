// The workspace's words in Chinese (the default) and English. A page asks t('key') for a word and
// label('kind', value) for the name of a node kind, edge kind or level; values it does not know
// (a graph's own kinds) are shown as they are.

const words = {
  zh: {
    brand: '同心', tagline: '基层统战网络工作台',
    'nav.overview': '概况', 'nav.coverage': '覆盖率', 'nav.pairing': '结对', 'nav.search': '搜索',
    'nav.query': '查询', 'nav.change': '变化', 'nav.report': '报告',
    graph: '图', language: 'English', languageTitle: '切换到英文',
    loading: '加载中…', error: '出错了', notFound: '找不到这个页面。', noResults: '没有结果。', none: '无',
    nodes: '节点', edges: '边', components: '连通分量', count: '数量', kind: '类别', level: '层级',
    name: '名称', id: '编号', path: '所在地', value: '值', attribute: '属性',
    'overview.title': '概况', 'overview.kinds': '节点类别', 'overview.edgeKinds': '关系类别',
    'overview.levels': '行政层级', 'overview.metadata': '数据说明', 'overview.warnings': '提示',
    'overview.map': '乡镇商会覆盖率（按县）', 'overview.noWarnings': '数据没有提示。',
    'coverage.title': '覆盖率', 'coverage.unit': '单位', 'coverage.by': '覆盖者', 'coverage.via': '经由关系',
    'coverage.region': '地区', 'coverage.show': '查看', 'coverage.units': '单位数', 'coverage.covered': '已覆盖',
    'coverage.rate': '覆盖率', 'coverage.uncovered': '未覆盖的单位', 'coverage.download': '下载 Excel',
    'coverage.downloadCSV': '下载 CSV', 'coverage.summary': '{region}：{units} 个{unit}中 {covered} 个已覆盖（{rate}）',
    'coverage.whole': '全部', 'coverage.drill': '点击地区行或地图查看下一级。', 'coverage.map': '地图',
    'coverage.anyOrganization': '任意组织', 'coverage.anyFigure': '任意人物', 'coverage.organizations': '组织类型',
    'coverage.figures': '人物类别', 'coverage.allCovered': '全部覆盖。', 'coverage.up': '上一级',
    'pairing.title': '结对', 'pairing.programme': '结对项目', 'pairing.by': '分组', 'pairing.suggest': '推荐结对',
    'pairing.left': '左方', 'pairing.right': '右方', 'pairing.pairs': '结对数', 'pairing.density': '密度',
    'pairing.rightShare': '右方结对率', 'pairing.shareOf': '{side}结对率', 'pairing.leftShare': '左方结对率', 'pairing.matching': '最大匹配',
    'pairing.unpaired': '未结对', 'pairing.proposals': '推荐的结对', 'pairing.cost': '距离',
    'pairing.shared': '同属', 'pairing.unassigned': '无法推荐', 'pairing.unpairedIn': '{region}未结对的{right}',
    'programme.villages': '万企兴万村（企业—村）', 'programme.experts': '党外专家服务企业',
    'programme.cadres': '统战干部联系企业', 'programme.finance': '金融人才服务企业', 'programme.talents': '统战干部结对能人',
    'search.title': '搜索', 'search.placeholder': '输入名称或代码的一部分，如 梁子、4205',
    'search.hint': '可搜索人物、组织、企业和地区（含村、社区）。', 'search.results': '{n} 个结果',
    'entity.attributes': '属性', 'entity.place': '所在地', 'entity.links': '关系', 'entity.diagram': '关系图',
    'entity.outgoing': '指向', 'entity.incoming': '来自', 'entity.more': '另有 {n} 个未列出',
    'entity.diagramHint': '点击图中的节点查看它。', 'entity.diagramError': '关系图无法生成：',
    'query.title': '查询', 'query.run': '运行', 'query.examples': '示例', 'query.rows': '{n} 行',
    'query.help': '只读的 Cypher 子集：MATCH … WHERE … RETURN …',
    'change.title': '变化', 'change.old': '旧版本', 'change.new': '新版本', 'change.compare': '比较',
    'change.added': '新增', 'change.removed': '删除', 'change.changed': '修改', 'change.before': '之前',
    'change.after': '之后', 'change.newlyCovered': '新覆盖的单位', 'change.newlyUncovered': '不再覆盖的单位',
    'change.needsTwo': '需要同时打开两个版本的图才能比较。',
    'report.title': '报告', 'report.open': '打开报告', 'report.print': '打印',
    'report.hint': '所选地区的完整报告（概况、覆盖率、结对、关键人物、地图和网络图），在新窗口打开，可直接打印。',
    'report.regionHint': '地区名称或代码，如 十堰市、4205；空白为全部',
    download: '下载', sortHint: '点击表头排序',
  },
  en: {
    brand: 'Tongxin', tagline: 'Grassroots network workspace',
    'nav.overview': 'Overview', 'nav.coverage': 'Coverage', 'nav.pairing': 'Pairing', 'nav.search': 'Search',
    'nav.query': 'Query', 'nav.change': 'Change', 'nav.report': 'Report',
    graph: 'Graph', language: '中文', languageTitle: 'Switch to Chinese',
    loading: 'Loading…', error: 'Error', notFound: 'No such page.', noResults: 'No results.', none: 'none',
    nodes: 'Nodes', edges: 'Edges', components: 'Components', count: 'Count', kind: 'Kind', level: 'Level',
    name: 'Name', id: 'ID', path: 'Place', value: 'Value', attribute: 'Attribute',
    'overview.title': 'Overview', 'overview.kinds': 'Node kinds', 'overview.edgeKinds': 'Edge kinds',
    'overview.levels': 'Region levels', 'overview.metadata': 'About the data', 'overview.warnings': 'Warnings',
    'overview.map': 'Towns with a chamber of commerce, by county', 'overview.noWarnings': 'No warnings.',
    'coverage.title': 'Coverage', 'coverage.unit': 'Unit', 'coverage.by': 'Covered by', 'coverage.via': 'Via',
    'coverage.region': 'Region', 'coverage.show': 'Show', 'coverage.units': 'Units', 'coverage.covered': 'Covered',
    'coverage.rate': 'Rate', 'coverage.uncovered': 'Uncovered units', 'coverage.download': 'Download Excel',
    'coverage.downloadCSV': 'Download CSV', 'coverage.summary': '{region}: {covered} of {units} {unit} units covered ({rate})',
    'coverage.whole': 'All', 'coverage.drill': 'Click a region row or the map to go one level down.', 'coverage.map': 'Map',
    'coverage.anyOrganization': 'any organization', 'coverage.anyFigure': 'any figure',
    'coverage.organizations': 'Organization types', 'coverage.figures': 'Figure categories',
    'coverage.allCovered': 'Every unit is covered.', 'coverage.up': 'Up',
    'pairing.title': 'Pairing', 'pairing.programme': 'Programme', 'pairing.by': 'By', 'pairing.suggest': 'Suggest partners',
    'pairing.left': 'Left', 'pairing.right': 'Right', 'pairing.pairs': 'Pairs', 'pairing.density': 'Density',
    'pairing.rightShare': 'Right paired', 'pairing.shareOf': '{side} paired', 'pairing.leftShare': 'Left paired', 'pairing.matching': 'Max matching',
    'pairing.unpaired': 'Unpaired', 'pairing.proposals': 'Suggested partners', 'pairing.cost': 'Distance',
    'pairing.shared': 'Shared', 'pairing.unassigned': 'No partner found', 'pairing.unpairedIn': 'Unpaired {right} in {region}',
    'programme.villages': 'Enterprises and villages (万企兴万村)', 'programme.experts': 'Non-party experts and enterprises',
    'programme.cadres': 'Cadres and enterprises', 'programme.finance': 'Financial talents and enterprises',
    'programme.talents': 'Cadres and village talents',
    'search.title': 'Search', 'search.placeholder': 'Part of a name or a code, e.g. 梁子, 4205',
    'search.hint': 'Finds figures, organizations, enterprises and places (villages included).',
    'search.results': '{n} results',
    'entity.attributes': 'Attributes', 'entity.place': 'Place', 'entity.links': 'Links', 'entity.diagram': 'Neighbourhood',
    'entity.outgoing': 'to', 'entity.incoming': 'from', 'entity.more': '{n} more not listed',
    'entity.diagramHint': 'Click a node in the diagram to open it.', 'entity.diagramError': 'No diagram: ',
    'query.title': 'Query', 'query.run': 'Run', 'query.examples': 'Examples', 'query.rows': '{n} rows',
    'query.help': 'A read-only Cypher subset: MATCH … WHERE … RETURN …',
    'change.title': 'Change', 'change.old': 'Old version', 'change.new': 'New version', 'change.compare': 'Compare',
    'change.added': 'Added', 'change.removed': 'Removed', 'change.changed': 'Changed', 'change.before': 'Before',
    'change.after': 'After', 'change.newlyCovered': 'Newly covered', 'change.newlyUncovered': 'No longer covered',
    'change.needsTwo': 'Serve two versions of the graph to compare them.',
    'report.title': 'Report', 'report.open': 'Open the report', 'report.print': 'Print',
    'report.hint': 'The whole report for the chosen region (summary, coverage, pairing, central figures, maps, diagrams), in a new window, ready to print.',
    'report.regionHint': 'A region name or code, e.g. 十堰市, 4205; empty for all',
    download: 'Download', sortHint: 'Click a header to sort',
  },
};

// Names of the graph's fixed vocabulary: node kinds, edge kinds, region levels.
const labels = {
  zh: {
    kind: { region: '地区', village: '村（社区）', organization: '组织', enterprise: '企业', figure: '人物', node: '节点' },
    edge: { within: '位于', member_of: '成员', leads: '负责', serves: '服务', liaison_for: '联络', paired_with: '结对', tie: '联系' },
    level: { province: '省', city: '市（州）', county: '县（市、区）', town: '乡镇（街道）', village: '村（社区）' },
    shared: { town: '同乡镇', county: '同县', city: '同市', none: '不同市' },
    attribute: { level: '层级', type: '类型', category: '类别', industry: '行业', synthetic: '合成数据', code: '代码', phone: '电话' },
  },
  en: {
    kind: { region: 'region', village: 'village', organization: 'organization', enterprise: 'enterprise', figure: 'figure', node: 'node' },
    edge: { within: 'within', member_of: 'member of', leads: 'leads', serves: 'serves', liaison_for: 'liaison for', paired_with: 'paired with', tie: 'tie' },
    level: { province: 'province', city: 'city', county: 'county', town: 'town', village: 'village' },
    shared: { town: 'same town', county: 'same county', city: 'same city', none: 'different city' },
    attribute: { level: 'level', type: 'type', category: 'category', industry: 'industry', synthetic: 'synthetic', code: 'code', phone: 'phone' },
  },
};

const storageKey = 'tongxin.lang';

/** The page's language: the one chosen before on this machine, else Chinese. */
export let lang = (() => {
  try { return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; }
})();

/** Switches the language and remembers the choice. */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem(storageKey, lang); } catch { /* private mode: not remembered */ }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The word for `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = words[lang][key] ?? words.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** The name of a node kind, edge kind, level, shared place or attribute (`group`: kind, edge, level, shared, attribute). */
export function label(group, value) {
  if (value === null || value === undefined) return '';
  return labels[lang][group]?.[value] ?? String(value);
}
