// Dumps lunr 2.3.9's tokenizer, trimmer, stop-word filter and stemmer outputs into JSON fixtures so the C#
// unit tests can check the port without node. Run from the repository root:
//   node tests/SiteGen.Tests/Search/oracle/dump-fixtures.js
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require('lunr')

const root = path.resolve(__dirname, '../../../..')
const out = path.join(root, 'tests/SiteGen.Tests/Fixtures/search')

// Tokenizer cases: separators JavaScript's \s treats differently from .NET's, case mapping corner cases.
const tokenizerCases = [
  'Multi-Agent LLM training',
  'chain-of-thought--reasoning  - with   tabs\tand\nnewlines\r\nend',
  'non\u00a0breaking\u2003em\u3000ideographic\ufeffbom\u0085nel\u200bzwsp',
  '  leading and trailing  ',
  '---',
  '',
  'İstanbul ΣΟΦΙΑΣ ΟΔΟΣ Σ AΣ Straße ǅemal Ⅻ',
  'GPT-4o, Llama-3.1-8B (2024): 14.14% +13.9% e.g. U.S.A. C++ C# .NET',
  'Café naïve École Łódź Ærø façade Ångström',
  'emoji 😀-smile 𐐀deseret',
  'under_score snake_case __init__ foo/bar a.b.c',
]

const tokenizer = tokenizerCases.map(input => ({ input, tokens: lunr.tokenizer(input).map(t => t.toString()) }))

// Words for the trimmer, stop-word filter and stemmer: every distinct token of the seed content, plus cases.
const words = new Set()
const addText = text => lunr.tokenizer(text).forEach(t => words.add(t.toString()))
for (const dir of ['content/sessions', 'content/listings']) {
  for (const file of fs.readdirSync(path.join(root, dir)).sort()) addText(fs.readFileSync(path.join(root, dir, file), 'utf8'))
}
const extra = [
  'yes', 'yesterday', 'yelling', 'your', 'y', 'ya', 'you', 'young', 'youth', 'yield', 'yields',
  'caresses', 'ponies', 'ties', 'caress', 'cats', 'feed', 'agreed', 'plastered', 'bled', 'motoring', 'sing',
  'conflated', 'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing',
  'happy', 'sky', 'relational', 'conditional', 'rational', 'valenci', 'hesitanci', 'digitizer', 'conformabli',
  'radicalli', 'differentli', 'vileli', 'analogousli', 'vietnamization', 'predication', 'operator',
  'feudalism', 'decisiveness', 'hopefulness', 'callousness', 'formaliti', 'sensitiviti', 'sensibiliti',
  'triplicate', 'formative', 'formalize', 'electriciti', 'electrical', 'hopeful', 'goodness', 'revival',
  'allowance', 'inference', 'airliner', 'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement',
  'adjustment', 'dependent', 'adoption', 'homologou', 'communism', 'activate', 'angulariti', 'homologous',
  'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll', 'generalizations', 'oscillators',
  'agents', 'agentic', 'agen', 'modules', 'module', 'modular', 'reasoning', 'reasoner', 'multi', 'llms',
  '', 'a', 'ab', 'the', 'The', 'constructor', '__proto__', 'toString', 'hasOwnProperty',
  '(agent)', '"quoted"', '--flag', '...', '.net', 'c++', 'c#', '14.14%', '$100', 'é', 'café', 'école', 'naïve',
  'łódź', 'über-cool', 'σοφια', '😀', 'foo_', '_bar_',
]
extra.forEach(w => words.add(w))

const pipeline = [...words].sort().map(word => {
  const trimmed = lunr.trimmer(new lunr.Token(word)).toString()
  const kept = lunr.stopWordFilter(new lunr.Token(trimmed))
  const stem = lunr.stemmer(new lunr.Token(trimmed)).toString()
  return [word, trimmed, kept === undefined, stem]
})

fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'tokenizer.json'), JSON.stringify(tokenizer, null, 1) + '\n')
// One row per word: [token, trimmed, isStopWord(trimmed), stem(trimmed)].
fs.writeFileSync(path.join(out, 'pipeline.json'), '[\n' + pipeline.map(r => JSON.stringify(r)).join(',\n') + '\n]\n')
console.log(`tokenizer: ${tokenizer.length} cases, pipeline: ${pipeline.length} words`)
