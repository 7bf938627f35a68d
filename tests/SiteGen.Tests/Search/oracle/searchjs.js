// Runs templates/assets/search.js's query code (fold, plain/prefix queries, lunr syntax with fallback) in node
// against an index built by the C# code.   node searchjs.js <request.json> <response.json>
// request:  { indexPath, folds: [string], queries: [string] }
// response: { foldTable, folds: [string], warnings: [string], results: [{ query, refs: [string], error }] }
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

fs.writeFileSync(responsePath, JSON.stringify({
  foldTable: search.FOLD_TABLE,
  folds: request.folds.map(search.fold),
  warnings,
  results,
}))
