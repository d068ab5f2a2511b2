// Starts `notecheck lsp` for Markdown and plain-text documents. Everything else (the
// findings, quick fixes, "suppress here", hover explanations) comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function makeClient() {
  const settings = vscode.workspace.getConfiguration("notecheck");
  const serverOptions = {
    command: settings.get("path", "notecheck"),
    args: settings.get("args", ["lsp"]),
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
  };
  return new LanguageClient("notecheck", "notecheck", serverOptions, clientOptions);
}

async function activate(context) {
  client = makeClient();
  context.subscriptions.push(
    vscode.commands.registerCommand("notecheck.restart", async () => {
      if (client) {
        await client.stop();
      }
      client = makeClient();
      await client.start();
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
