/* The web forms' file format: the declarations exactly as `privtravel import` writes them.
 *
 * A line-for-line port of scripts/privtravel/excel/canonical.py (keys in schema order, multi-choice
 * values in the schema's order, records sorted by their own values, no empty optional lists) and
 * scripts/privtravel/excel/emit.py (the editor modeline on top, two-space indentation, quotes exactly
 * where YAML would read a string as something else).  tests/webforms/test_same_bytes.py runs this file
 * in Node.js and compares its output with the Python writer's, byte for byte.
 *
 * The field shapes come from privtravel-shapes.js, generated from schemas/ (privtravel webforms).
 * One difference cannot be helped: a JavaScript object lists keys that look like array indexes ("4")
 * first; no schema has such a key, and check refuses a file that has one.
 * Works in the browser (window.PrivtravelYaml) and in Node.js (module.exports).  Plain ES2015.
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.PrivtravelYaml = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var INDICATORS = "-?:,[]{}#&*!|>'\"%@`=";
  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  // PyYAML's implicit resolvers (YAML 1.1), by first character, as yaml/resolver.py has them
  var BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
  var FLOAT = new RegExp(
    "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?" +
      "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?" +
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*" +
      "|[-+]?\\.(?:inf|Inf|INF)" +
      "|\\.(?:nan|NaN|NAN))$"
  );
  var INT = new RegExp(
    "^(?:[-+]?0b[0-1_]+" +
      "|[-+]?0[0-7_]+" +
      "|[-+]?(?:0|[1-9][0-9_]*)" +
      "|[-+]?0x[0-9a-fA-F_]+" +
      "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
  );
  var NULL = /^(?:~|null|Null|NULL|)$/;
  var TIMESTAMP = new RegExp(
    "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" +
      "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?" +
      "(?:[Tt]|[ \\t]+)[0-9][0-9]?" +
      ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?" +
      "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
  );

  function resolvesToString(text) {
    var c = text.charAt(0);
    if ("yYnNtTfFoO".indexOf(c) >= 0 && BOOL.test(text)) return false;
    if ("-+0123456789.".indexOf(c) >= 0 && FLOAT.test(text)) return false;
    if ("-+0123456789".indexOf(c) >= 0 && INT.test(text)) return false;
    if (c === "<" && text === "<<") return false;
    if ("~nN".indexOf(c) >= 0 && NULL.test(text)) return false;
    if ("0123456789".indexOf(c) >= 0 && TIMESTAMP.test(text)) return false;
    if (c === "=" && text === "=") return false;
    return true;
  }

  function codePoints(text) {
    return Array.from(text);
  }

  function printable(ch) {
    var code = ch.codePointAt(0);
    return (
      ((code >= 0x20 && code <= 0x7e) ||
        (code >= 0xa0 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff)) &&
      ch !== "\u2028" &&
      ch !== "\u2029" &&
      ch !== "\ufeff"
    );
  }

  function makeWriter(shapes) {
    var digit = new RegExp("^[" + shapes.digits + "]", "u"); // Python's str.isdigit()

    function stripSpaces(text) {
      return text.replace(/^ +/, "").replace(/ +$/, "");
    }

    function plainOk(text, flow) {
      if (!text || text !== stripSpaces(text) || INDICATORS.indexOf(text.charAt(0)) >= 0) return false;
      if (digit.test(text)) return false; // numbers-that-are-text stay quoted, as HR are told
      if (text.indexOf(": ") >= 0 || text.indexOf(" #") >= 0 || text.charAt(text.length - 1) === ":") return false;
      if (!codePoints(text).every(printable)) return false;
      if (flow && /[,[\]{}]/.test(text)) return false;
      return resolvesToString(text);
    }

    function literalOk(text) {
      if (text.indexOf("\n") < 0 || text.charAt(0) === "\n" || text.charAt(0) === " ") return false;
      if (text.charAt(text.length - 1) === "\n") return false;
      return text.split("\n").every(function (part) {
        return codePoints(part).every(printable) && part === part.replace(/ +$/, "");
      });
    }

    function hex(code, width) {
      var s = code.toString(16);
      while (s.length < width) s = "0" + s;
      return s;
    }

    function quoted(text) {
      var out = ['"'];
      codePoints(text).forEach(function (ch) {
        var code = ch.codePointAt(0);
        if (ch === '"') out.push('\\"');
        else if (ch === "\\") out.push("\\\\");
        else if (ch === "\n") out.push("\\n");
        else if (ch === "\t") out.push("\\t");
        else if (printable(ch)) out.push(ch);
        else if (code <= 0xff) out.push("\\x" + hex(code, 2));
        else if (code <= 0xffff) out.push("\\u" + hex(code, 4));
        else out.push("\\U" + hex(code, 8));
      });
      out.push('"');
      return out.join("");
    }

    function key(name) {
      return plainOk(name, false) ? name : quoted(name);
    }

    function scalar(value, flow) {
      if (typeof value === "boolean") return value ? "true" : "false";
      if (typeof value === "number") return String(value);
      var text = isObject(value) && Object.keys(value).length === 0 ? "{}" : String(value); // Python's str({})
      if (DATE.test(text) && !flow) return text; // read back as the same ISO date string
      return plainOk(text, flow) ? text : quoted(text);
    }

    function isObject(value) {
      return value !== null && typeof value === "object" && !Array.isArray(value);
    }

    function mapping(data, indent, lines, firstPrefix) {
      var pad = new Array(indent + 1).join(" ");
      Object.keys(data).forEach(function (name, i) {
        var value = data[name];
        var lead = i === 0 && firstPrefix !== undefined ? firstPrefix : pad;
        var head = lead + key(name) + ":";
        if (isObject(value)) {
          if (Object.keys(value).length === 0) lines.push(head + " {}");
          else {
            lines.push(head);
            mapping(value, indent + 2, lines);
          }
        } else if (Array.isArray(value)) {
          if (value.length === 0) lines.push(head + " []");
          else if (value.every(function (v) { return !isObject(v) && !Array.isArray(v); })) {
            lines.push(head + " [" + value.map(function (v) { return scalar(v, true); }).join(", ") + "]");
          } else {
            lines.push(head);
            value.forEach(function (item) {
              if (isObject(item) && Object.keys(item).length) mapping(item, indent + 4, lines, pad + "  - ");
              else lines.push(pad + "  - " + scalar(item, false));
            });
          }
        } else if (typeof value === "string" && literalOk(value)) {
          lines.push(head + " |-");
          value.split("\n").forEach(function (part) {
            lines.push(part ? pad + "  " + part : "");
          });
        } else lines.push(head + " " + scalar(value, false));
      });
    }

    // Python compares strings by code point; JavaScript by UTF-16 unit: compare as Python does.
    function compare(a, b) {
      var x = codePoints(a);
      var y = codePoints(b);
      for (var i = 0; i < Math.min(x.length, y.length); i++) {
        var d = x[i].codePointAt(0) - y[i].codePointAt(0);
        if (d) return d;
      }
      return x.length - y.length;
    }

    function canonicalObject(fields, data) {
      var out = {};
      var known = {};
      fields.forEach(function (info) {
        known[info.name] = true;
        if (!Object.prototype.hasOwnProperty.call(data, info.name)) return;
        var value = data[info.name];
        if (info.type === "group" && isObject(value)) value = canonicalObject(info.fields, value);
        else if (info.type === "child" && Array.isArray(value)) {
          value = value
            .map(function (item) { return isObject(item) ? canonicalObject(info.fields, item) : item; })
            .map(function (item) { return { key: JSON.stringify(item), item: item }; })
            .sort(function (a, b) { return compare(a.key, b.key); })
            .map(function (pair) { return pair.item; });
        } else if (info.type === "multi" && Array.isArray(value)) {
          var order = {};
          info.options.forEach(function (option, i) { order[option] = i; });
          var rank = function (v) { return Object.prototype.hasOwnProperty.call(order, v) ? order[v] : info.options.length; };
          value = value.slice().sort(function (a, b) { return rank(a) - rank(b); });
        }
        if (Array.isArray(value) && value.length === 0 && !info.required) return;
        out[info.name] = value;
      });
      Object.keys(data).forEach(function (name) {
        if (!known[name]) out[name] = data[name]; // not in the schema: kept (validation reports it)
      });
      return out;
    }

    /* What a form leaves behind for a field nobody filled in (null, "", an optional object left
     * empty) is no value at all, as in a file written by hand: removed before writing. */
    function clean(fields, data) {
      var byName = {};
      fields.forEach(function (info) { byName[info.name] = info; });
      var out = {};
      Object.keys(data).forEach(function (name) {
        var info = byName[name];
        var value = cleanValue(info, data[name]);
        if (value === undefined) return;
        if (info && !info.required && isObject(value) && Object.keys(value).length === 0) return;
        out[name] = value;
      });
      return out;
    }

    function cleanValue(info, value) {
      if (value === null || value === undefined || value === "") return undefined;
      if (Array.isArray(value)) {
        return value
          .map(function (item) { return cleanValue(info && info.fields ? { fields: info.fields } : undefined, item); })
          .filter(function (item) { return item !== undefined && !(isObject(item) && Object.keys(item).length === 0); });
      }
      if (isObject(value)) return clean(info && info.fields ? info.fields : [], value);
      return value;
    }

    return {
      canonical: function (kind, data) {
        return canonicalObject(shapes.kinds[kind], data);
      },
      clean: function (kind, data) {
        return clean(shapes.kinds[kind], data);
      },
      dump: function (kind, modeline, data) {
        var lines = [modeline];
        mapping(canonicalObject(shapes.kinds[kind], data), 0, lines);
        return lines.join("\n") + "\n";
      },
    };
  }

  /* Decap CMS: one custom format per collection (each knows its kind and its modeline line). */
  function register(CMS, jsyaml, shapes, formats) {
    var writer = makeWriter(shapes);
    Object.keys(formats).forEach(function (name) {
      var format = formats[name];
      CMS.registerCustomFormat(name, "yaml", {
        fromFile: function (text) {
          // YAML 1.2 core schema: dates stay text ("2019-06-05"), as the forms' date fields write them
          var data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
          return data && typeof data === "object" ? data : {};
        },
        toFile: function (data) {
          var plain = JSON.parse(JSON.stringify(data)); // Immutable.js → plain values
          return writer.dump(format.kind, format.modeline, writer.clean(format.kind, plain));
        },
      });
    });
  }

  return { makeWriter: makeWriter, register: register };
});
