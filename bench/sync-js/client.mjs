// A plain automerge-repo client editing a karta roadmap as docs/format.md
// says, through any automerge-repo sync server.
//
//   node client.mjs ws://HOST:PORT automerge:… get NUMBER
//       prints the deadline of activity NUMBER ("1.2" or "1.2.")
//   node client.mjs ws://HOST:PORT automerge:… set NUMBER DEADLINE
//       sets it (a scalar string, as karta writes it) and waits until the
//       server has it
import { Repo } from "@automerge/automerge-repo"
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"
import * as A from "@automerge/automerge"

const [server, url, verb, number, value] = process.argv.slice(2)
const limit = setTimeout(() => {
  console.error(`client: no answer from ${server} in time`)
  process.exit(2)
}, 60_000)

const repo = new Repo({ network: [new WebSocketClientAdapter(server)] })
const handle = await repo.find(url)
await handle.whenReady()

const text = (v) => (v === undefined || v === null ? "" : v.toString())
const same = (a, b) => text(a).replace(/\.$/, "") === b.replace(/\.$/, "")
const find = (doc) =>
  Object.entries(doc.activities ?? {}).find(([, a]) => !a.deleted && same(a.number, number))

const found = find(handle.doc())
if (!found) {
  console.error(`client: no activity ${number}`)
  process.exit(1)
}
if (verb === "get") {
  console.log(text(found[1].deadline))
} else if (verb === "set") {
  const [id] = found
  handle.change(
    (doc) => {
      doc.activities[id].deadline = new A.ImmutableString(value)
    },
    { message: `set deadline of activity ${id}`, time: Math.floor(Date.now() / 1000) },
  )
  // automerge-repo sends in the background: give it a moment, then leave.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  console.log(`set ${number} → ${value}`)
} else {
  console.error("client: get or set")
  process.exit(1)
}
clearTimeout(limit)
await repo.shutdown()
process.exit(0)
