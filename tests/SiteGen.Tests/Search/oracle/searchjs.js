// Runs templates/assets/search.js's query code (fold, plain/prefix queries, lunr syntax with fallback) in node
// against an index built by the C# code.   node searchjs.js <request.json> <response.json>
// request:  { indexPath, folds: [string], queries: [string] }
// response: { foldTable, folds: [string], warnings: [string], results: [{ query, refs: [string], error }],
//            loads: { queries, different: [string] } }   loads: search.js's loadIndex against lunr.Index.load, with
//            the given queries plus every term, its prefixes of 2-6 letters and term~1, compared by refs, scores, match data.
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require('lunr')
const search = require(path.resolve(__dirname, '../../../../templates/assets/search.js'))

const [requestPath, responsePath] = process.argv.slice(2)
const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'))

const warnings = []
console.warn = (...args) => warnings.push(args.join(' '))
console.error = (...args) => warnings.push(args.join(' '))
const index = lunr.Index.load(JSON.parse(fs.readFileSync(request.indexPath, 'utf8')))

const results = request.queries.map(query => {
  try {
    return { query, refs: search.runQuery(lunr, index, query).map(r => r.ref), error: null }
  } catch (e) {
    return { query, refs: [], error: `${e.name}: ${e.message}` }
  }
})

const fast = search.loadIndex(lunr, JSON.parse(fs.readFileSync(request.indexPath, 'utf8')))
const asked = new Set(request.queries)
for (const [term] of JSON.parse(fs.readFileSync(request.indexPath, 'utf8')).invertedIndex) {
  for (let n = 2; n <= Math.min(6, term.length); n++) asked.add(term.slice(0, n))
  asked.add(term)
  asked.add(term + '~1')
}
const outcome = (idx, query) => {
  try {
    return JSON.stringify(search.runQuery(lunr, idx, query).map(r => [r.ref, r.score, r.matchData.metadata]))
  } catch (e) {
    return `${e.name}: ${e.message}`
  }
}
const different = [...asked].filter(query => outcome(index, query) !== outcome(fast, query))

fs.writeFileSync(responsePath, JSON.stringify({
  loads: { queries: asked.size, different },
  foldTable: search.FOLD_TABLE,
  folds: request.folds.map(search.fold),
  warnings,
  results,
}))
