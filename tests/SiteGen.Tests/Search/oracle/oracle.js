// Oracle for the C# index: builds the same documents with lunr 2.3.9, loads the C#-built index with
// lunr.Index.load (recording any warning) and runs the same queries against both.
//   node oracle.js <request.json> <response.json>
// request:  { fields: [{name, boost}], documents: [{ref, <field>: text}], csharpIndexPath, queries: [string] }
// response: { lunrIndex: <serialized lunr index as text>, warnings: [string],
//             results: [{ query, lunr: [[ref, score]] | null, csharp: [[ref, score]] | null, error }] }
'use strict'
const fs = require('fs')
const lunr = require('lunr')

const [requestPath, responsePath] = process.argv.slice(2)
const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'))

const warnings = []
const originalWarn = console.warn
console.warn = (...args) => warnings.push(args.join(' '))

const own = lunr(function () {
  this.ref('ref')
  for (const field of request.fields) this.field(field.name, { boost: field.boost })
  for (const doc of request.documents) this.add(doc)
})
const lunrIndexText = JSON.stringify(own)

const csharp = lunr.Index.load(JSON.parse(fs.readFileSync(request.csharpIndexPath, 'utf8')))
console.warn = originalWarn

const run = (index, query) => index.search(query).map(r => [r.ref, Math.round(r.score * 1e6) / 1e6])
const results = request.queries.map(query => {
  const entry = { query, lunr: null, csharp: null, error: null }
  try {
    entry.lunr = run(own, query)
    entry.csharp = run(csharp, query)
  } catch (e) {
    entry.error = `${e.name}: ${e.message}`
  }
  return entry
})

fs.writeFileSync(responsePath, JSON.stringify({ lunrIndex: lunrIndexText, warnings, results }))
