# workerd config for the newsview Worker example: `make worker` serves it on 127.0.0.1:8787.
#   node_modules/.bin/workerd serve examples/worker/config.capnp
# The modules are embedded from the repository's build outputs (make build, make build-server).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "page.js", esModule = embed "../page.js"),
    (name = "newsview-server.workerd.js", esModule = embed "../../pkg-server/newsview-server.workerd.js"),
    (name = "newsview_server_bg.wasm", wasm = embed "../../pkg-server/newsview_server_bg.wasm"),
    (name = "seed-article.json", json = embed "../../tests/fixtures/seed-article.json"),
    (name = "client/newsview.js", text = embed "../../pkg/newsview.js"),
    (name = "client/newsview_bg.wasm", data = embed "../../pkg/newsview_bg.wasm"),
    (name = "client/newsview-hydrate.js", text = embed "../../pkg/newsview-hydrate.js"),
    (name = "client/newsview-hydrate_bg.wasm", data = embed "../../pkg/newsview-hydrate_bg.wasm"),
  ],
  compatibilityDate = "2025-01-01",
);
