# workerd config of the bench Worker (bench/server.mjs starts it on a free loopback port with
# --socket-addr). Embeds the server build (make build-server) and the fixtures.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8789", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "newsview-server.workerd.js", esModule = embed "../../pkg-server/newsview-server.workerd.js"),
    (name = "newsview_server_bg.wasm", wasm = embed "../../pkg-server/newsview_server_bg.wasm"),
    (name = "seed-article.json", json = embed "../../tests/fixtures/seed-article.json"),
    (name = "rich-body.html", text = embed "../../tests/fixtures/rich-body.html"),
  ],
  compatibilityDate = "2025-01-01",
);
