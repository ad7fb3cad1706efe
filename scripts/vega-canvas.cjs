// vega-canvas 2.0.0's Node build (node_modules/vega-canvas/build/vega-canvas.node.js),
// with `require('canvas')` where it has `await import('canvas')`: a module that
// waits at its top level cannot be part of a CommonJS bundle (scripts/bundle.mjs
// bundles vega and vega-lite apart, with this module in its place). Same
// behaviour otherwise: without the optional `canvas` package, no canvas.
function domCanvas(w, h) {
  if (typeof document !== 'undefined' && document.createElement) {
    const c = document.createElement('canvas');
    if (c && c.getContext) {
      c.width = w;
      c.height = h;
      return c;
    }
  }
  return null;
}
const domImage = () => (typeof Image !== 'undefined' ? Image : null);

let NodeCanvas;
try {
  NodeCanvas = require('canvas');
  if (!(NodeCanvas && NodeCanvas.createCanvas)) {
    NodeCanvas = null;
  }
} catch (error) {
  // do nothing
}
function nodeCanvas(w, h, type) {
  if (NodeCanvas) {
    try {
      return new NodeCanvas.Canvas(w, h, type);
    } catch (e) {
      // do nothing, return null on error
    }
  }
  return null;
}
const nodeImage = () => (NodeCanvas && NodeCanvas.Image) || null;

function canvas(w, h, type) {
  return domCanvas(w, h) || nodeCanvas(w, h, type) || null;
}
function image() {
  return domImage() || nodeImage() || null;
}

module.exports = { canvas, domCanvas, image, nodeCanvas };
