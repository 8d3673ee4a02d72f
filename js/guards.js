// What wasm-bindgen's generated glue does not say with a code, said with one: a call before the
// web package's init() (`E_INIT`) and a call on a freed Workspace (`E_FREED`), where the glue
// gives a TypeError or "null pointer passed to rust". Both entries use it: pkg/index.js (the web
// build) and pkg-node/index.mjs (Node, ready when loaded); `make build` copies it beside them (as
// guards.mjs for Node, whose folder is CommonJS). Not here: any other error (the core's, coded at
// the boundary: src/wasm/errors.rs).

const NOT_READY = 'balans: call init() (the default export) and await it before anything else';
const FREED = 'balans: this Workspace was freed with free(); make a new one';

/** A real Error with a stable code, like the core's. */
function coded(code, message) {
  return Object.assign(new Error(message), { name: 'BalansError', code });
}

/**
 * The API of `glue` (balans.js) with every function refusing to run before `ready()`, and the
 * Workspace class guarded in place: its methods refuse before `ready()` and on a freed workspace
 * (free() a second time does nothing), its static methods and `new` before `ready()`.
 */
export function guardedApi(glue, ready) {
  const api = {};
  for (const [name, value] of Object.entries(glue)) {
    if (name === 'default' || name === 'initSync' || typeof value !== 'function') continue;
    api[name] = name === 'Workspace' ? guardWorkspace(value, ready) : guard(value, ready);
  }
  return api;
}

function guard(fn, ready) {
  return function guarded(...args) {
    if (!ready()) throw coded('E_INIT', NOT_READY);
    return fn.apply(this, args);
  };
}

function guardWorkspace(Workspace, ready) {
  const proto = Workspace.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const method = proto[name];
    if (name === 'constructor' || name.startsWith('__') || typeof method !== 'function') continue;
    proto[name] = name === 'free'
      ? function free() { if (this.__wbg_ptr) method.call(this); }
      : function guarded(...args) {
        if (!ready()) throw coded('E_INIT', NOT_READY);
        if (!this.__wbg_ptr) throw coded('E_FREED', FREED);
        return method.apply(this, args);
      };
  }
  if (Symbol.dispose && proto[Symbol.dispose]) proto[Symbol.dispose] = proto.free;
  for (const name of Object.getOwnPropertyNames(Workspace)) {
    if (!name.startsWith('__') && typeof Workspace[name] === 'function') Workspace[name] = guard(Workspace[name], ready);
  }
  return new Proxy(Workspace, {
    construct(target, args, newTarget) {
      if (!ready()) throw coded('E_INIT', NOT_READY);
      return Reflect.construct(target, args, newTarget);
    },
  });
}
