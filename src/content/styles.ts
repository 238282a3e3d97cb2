// The injected UI's whole stylesheet. `:host` rules are !important because important
// declarations from inside a shadow tree beat the page's, whatever its specificity; `all:
// initial` stops the page's inherited fonts, colours and spacing from reaching the UI.
// The host sits at the document's origin and scrolls with it, so the cards' UI (placed in
// document coordinates) follows the page without any work on scroll; panels are fixed.
export const CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: absolute !important;
  top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
}
.layer { all: initial; }
.panel {
  position: fixed; right: 16px; bottom: 16px; box-sizing: border-box;
  width: 320px; max-height: calc(100vh - 32px); overflow: auto; pointer-events: auto;
  padding: 12px; border: 1px solid #d0d7de; border-radius: 8px; background: #fff;
  box-shadow: 0 8px 24px rgba(31, 35, 40, .18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; text-align: start; letter-spacing: normal;
}
.head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 8px; font-weight: 600; }
.page-text { unicode-bidi: isolate; overflow-wrap: anywhere; }
.listing { display: block; margin-bottom: 8px; color: #59636e; }
button {
  font: inherit; cursor: pointer; border-radius: 6px; padding: 6px 12px;
  border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328;
}
button.primary { background: #cf222e; border-color: #a40e26; color: #fff; font-weight: 600; }
button:disabled { opacity: .6; cursor: default; }
label { display: block; margin: 8px 0 2px; font-weight: 600; }
select, textarea {
  display: block; box-sizing: border-box; width: 100%; font: inherit; color: inherit;
  padding: 4px 6px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff;
}
textarea { min-height: 64px; resize: vertical; }
.count { display: block; text-align: end; color: #59636e; font-size: 11px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
.message { margin: 8px 0; }
.error { color: #a40e26; }
.status { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; margin-bottom: 8px; }
.state { font-weight: 600; }
.sla[data-tone="warn"] { color: #9a6700; }
.sla[data-tone="overdue"] { color: #cf222e; font-weight: 600; }
.sla[data-tone="not_started"] { color: #59636e; }

.cards { position: absolute; top: 0; left: 0; width: 0; height: 0; contain: layout style; }
.card-ui {
  position: absolute; top: 0; left: 0; display: flex; flex-direction: column; align-items: flex-start; gap: 3px;
  pointer-events: none; font: 12px/1.35 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; text-align: start;
}
.card-ui[hidden], .card-ui [hidden] { display: none; }
.card-ui input {
  pointer-events: auto; margin: 0; width: 20px; height: 20px; cursor: pointer; accent-color: #cf222e;
  box-shadow: 0 0 0 2px #fff; border-radius: 3px;
}
.card-ui { width: max-content; }
.card-ui .status, .card-ui .repeat {
  pointer-events: auto; margin: 0; padding: 2px 6px; box-sizing: border-box; max-width: 100%;
  border: 1px solid #d0d7de; border-radius: 4px; background: rgba(255, 255, 255, .96); font-size: 11px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.card-ui .status { gap: 4px; flex-wrap: nowrap; }
.repeat { color: #9a6700; font-weight: 600; }
.toolbar .head { margin-bottom: 4px; }
.progress-panel { bottom: auto; top: 16px; }
.progress progress { display: block; width: 100%; }
.card-ui .menu {
  position: absolute; top: 0; left: 26px; pointer-events: auto; width: 20px; height: 20px; padding: 0; line-height: 18px; font-size: 12px; border-radius: 4px;
  background: rgba(255, 255, 255, .96);
}
.card-ui .again, .card-ui .repeat { pointer-events: auto; padding: 1px 6px; font-size: 11px; white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.card-ui .repeat { text-align: start; }
.card-menu {
  pointer-events: auto; display: flex; flex-direction: column; max-width: 100%; box-sizing: border-box; padding: 4px;
  border: 1px solid #d0d7de; border-radius: 6px; background: #fff; box-shadow: 0 4px 12px rgba(31, 35, 40, .18);
}
.card-menu button { border: 0; background: transparent; text-align: start; padding: 4px 6px; font-size: 12px; white-space: normal; overflow-wrap: normal; min-width: 12em; max-width: 100%; }
button.flagged { width: 100%; text-align: start; background: #ddf4ff; border-color: #54aeff; color: #0a3069; }
.filing { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 4px; padding: 6px 8px; border-radius: 6px; background: #f6f8fa; }
.filing dt { color: #59636e; }
.filing dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.warn { color: #9a6700; }
.confirm .message { margin-top: 0; }
.notice { bottom: auto; top: 16px; right: 50%; transform: translateX(50%); width: auto; max-width: 420px; margin: 0; }
.link-flag { right: auto; left: 16px; }
.shortcuts { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; margin: 8px 0 0; color: #59636e; font-size: 11px; }
.shortcuts kbd { font: inherit; font-weight: 600; }
.shortcuts button { padding: 1px 6px; font-size: 11px; }
input.text {
  display: block; box-sizing: border-box; width: 100%; font: inherit; color: inherit;
  padding: 4px 6px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff;
}
@media (prefers-color-scheme: dark) {
  .panel { background: #1b1d21; color: #e7e9ed; border-color: #3d444d; box-shadow: 0 8px 24px rgba(0, 0, 0, .5); }
  .listing, .count, .filing dt, .shortcuts { color: #9198a1; }
  input.text { background: #0d1117; border-color: #3d444d; color: #e7e9ed; }
  button { background: #2a2f36; border-color: #3d444d; color: #e7e9ed; }
  button.primary { background: #da3633; border-color: #f85149; color: #fff; }
  button.flagged { background: #0c2d6b; border-color: #1f6feb; color: #cae8ff; }
  select, textarea { background: #0d1117; border-color: #3d444d; color: #e7e9ed; }
  .filing { background: #24272c; }
  .error, .sla[data-tone="overdue"] { color: #ff7b72; }
  .warn, .repeat, .sla[data-tone="warn"] { color: #e3b341; }
  .card-ui { color: #e7e9ed; }
  .card-ui .status, .card-ui .repeat { background: rgba(27, 29, 33, .96); border-color: #3d444d; }
  .card-ui input { box-shadow: 0 0 0 2px #1b1d21; }
  .card-ui .menu { background: rgba(27, 29, 33, .96); }
  .card-menu { background: #1b1d21; border-color: #3d444d; }
}
`;
