# Regenerates the JSON Schemas in this directory: cd docs/schemas && python3 generate.py
# (DocumentSchemaLabTest and SchemaFilesTest check documents and the shipped YAML against the result.)
import json, copy
BASE = "https://portcullis.example/schemas/"
S = {"type": "string"}
NS = {"type": ["string", "null"]}
I = {"type": "integer"}
NI = {"type": ["integer", "null"]}
B = {"type": "boolean"}
TS = {"type": "string", "format": "date-time", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$",
      "description": "ISO-8601 instant in UTC"}
NTS = {"anyOf": [TS, {"type": "null"}]}
def arr(x): return {"type": "array", "items": x}
def obj(props, required=None, desc=None, extra=False):
    o = {"type": "object", "properties": props, "required": sorted(props) if required is None else required,
         "additionalProperties": extra}
    if desc: o["description"] = desc
    return o
def nullable(o): return {"anyOf": [o, {"type": "null"}]}
def header(fmt):
    return {"format": {"const": fmt, "description": "portcullis-KIND/N: N is bumped when a field is renamed or removed"},
            "toolVersion": {"type": ["string", "null"], "description": "the Portcullis version that wrote the document"},
            "startedAt": NTS, "finishedAt": NTS}
HEADER_REQ = ["format", "toolVersion", "startedAt", "finishedAt"]

FIELD = obj({"name": S, "before": S, "after": S})
BINDING = obj({"filter": S, "family": {"enum": ["ipv4", "ipv6"]}, "direction": {"enum": ["to-subscriber", "from-subscriber"]},
               "attachKind": S, "attachPoint": S})
CHANGE_KINDS = ["filter-missing", "filter-extra", "filter-changed", "term-missing", "term-extra", "term-changed",
                "terms-reordered", "binding-missing", "binding-extra"]
CHANGE = obj({"kind": {"enum": CHANGE_KINDS}, "filter": NS, "term": NS, "binding": nullable({"$ref": "#/$defs/binding"}),
              "before": NS, "after": NS, "fields": arr({"$ref": "#/$defs/field"}),
              "text": {"type": "string", "description": "the same change as one sentence"}},
             required=["kind", "fields", "text"],
             desc="One classified change. Plan/apply: before = the router now, after = once applied. Drift: before = what the policy wants, after = what the router has.")
FATE = obj({"protocol": NS, "port": NI, "sourcePort": NI, "family": nullable({"enum": ["ipv4", "ipv6"]}),
            "direction": nullable({"enum": ["to-subscriber", "from-subscriber"]}), "destination": NS,
            "where": arr(S), "before": {"enum": ["forwarded", "dropped"]}, "after": {"enum": ["forwarded", "dropped"]},
            "text": S}, required=["where", "before", "after", "text"],
           desc="How one representative packet's fate changes; the sentence alongside as text. 'where' lists attach points when the delta does not hold at all of them.")
COMMON_DEFS = {"change": CHANGE, "fate": FATE, "field": FIELD, "binding": BINDING}

def doc(kind, version, title, props, required, defs=None, desc=None):
    fmt = f"portcullis-{kind}/{version}"
    p = header(fmt); p.update(props)
    d = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + kind + ".schema.json", "title": title}
    if desc: d["description"] = desc
    d.update({"type": "object", "properties": p, "required": HEADER_REQ + required, "additionalProperties": False})
    if defs: d["$defs"] = defs
    return d

out = {}
PLAN_STATES = ["IN_SYNC", "CHANGES", "ERROR"]
entry = obj({"router": S, "platform": S, "state": {"enum": PLAN_STATES}, "intentDigest": S, "stateDigest": S,
             "changes": arr({"$ref": "#/$defs/change"}), "impact": arr({"$ref": "#/$defs/fate"}),
             "forwardText": S, "reverseText": S, "warnings": arr(S), "errorKind": S, "error": S},
            required=["router", "platform", "state", "changes", "impact", "warnings"])
out["plan"] = doc("plan", 2, "Portcullis plan (plan --json, plan --out, POST /api/plan)",
    {"policyDigest": S, "routers": arr({"$ref": "#/$defs/router"})}, ["policyDigest", "routers"],
    dict(COMMON_DEFS, router=entry),
    "Absent keys are null. impact reads router now → after apply. Version 2: name→router, status→state, structured changes/impact, createdAt→startedAt/finishedAt.")

drift_router = obj({"router": S, "platform": S, "state": {"enum": ["IN_SYNC", "DRIFT", "PENDING", "ERROR"]}, "fingerprint": NS,
                    "changes": arr({"$ref": "#/$defs/change"}), "impact": arr({"$ref": "#/$defs/fate"}), "diff": NS,
                    "errorKind": NS, "error": NS,
                    "lastCheck": dict(NTS, description="GET /api/drift only: when the router was last checked (on a follower, by the leader)"),
                    "changedBy": dict(NS, description="GET /api/drift only: who changed the drifted router, when a change notification named someone")},
                   required=["changes", "diff", "error", "errorKind", "fingerprint", "impact", "platform", "router", "state"])
summary4 = obj({k: I for k in ["IN_SYNC", "DRIFT", "PENDING", "ERROR"]})
out["drift"] = doc("drift", 1, "Portcullis drift (drift --json, GET /api/drift)",
    {"routers": arr({"$ref": "#/$defs/router"}), "summary": summary4}, ["routers", "summary"], dict(COMMON_DEFS, router=drift_router),
    "changes and impact read policy → router now. GET /api/drift lists only routers that are not IN_SYNC or PENDING.")

STATES = ["APPLIED", "NO_CHANGE", "FAILED_NOT_APPLIED", "FAILED_ROLLED_BACK", "ROLLBACK_FAILED", "UNKNOWN_RECONCILED", "NOT_CONTACTED"]
outcome_props = {"router": S, "platform": S, "state": {"enum": STATES}, "reason": NS, "message": NS,
                 "changes": arr({"$ref": "#/$defs/change"}), "impact": arr({"$ref": "#/$defs/fate"}), "millis": I,
                 "workarounds": arr(S)}
out["apply"] = doc("apply", 1, "Portcullis apply run (apply --json, apply --report, GET /api/runs/{id} report)",
    {"runId": S, "policyDigest": NS, "planFile": NS, "success": B, "haltedBecause": NS,
     "counts": {"type": "object", "propertyNames": {"enum": STATES}, "additionalProperties": I},
     "routers": arr({"$ref": "#/$defs/outcome"}),
     "recording": obj({"state": {"enum": ["RECORDED", "NOT_RECORDED", "OFF"]},
                       "runId": {"type": ["string", "null"], "description": "the id portcullis history knows the run by, when RECORDED"},
                       "message": {"type": ["string", "null"], "description": "why NOT_RECORDED: one line, secrets masked"}},
                      desc="Whether the run is in the history database, said once its last write is done (apply --json and --report; "
                           "absent from the report of GET /api/runs/{id}, where the service's own store records it). "
                           "Optional, added within portcullis-apply/1: a reader that does not know it loses nothing.")},
    ["runId", "policyDigest", "planFile", "success", "haltedBecause", "counts", "routers"], dict(COMMON_DEFS, outcome=obj(outcome_props)))

rec_props = dict(outcome_props); rec_props.update({"run": S, "closed": B})
out["recover"] = doc("recover", 1, "Portcullis recover (recover --json)",
    {"mode": {"enum": ["CANCEL", "CONFIRM"]}, "journal": S, "success": B, "routers": arr({"$ref": "#/$defs/outcome"}),
     "problems": arr(obj({"file": S, "line": I, "text": S})),
     "summary": obj({"entries": I, "applied": I, "previousConfiguration": I, "leftOpen": I})},
    ["mode", "journal", "success", "routers", "problems", "summary"], dict(COMMON_DEFS, outcome=obj(rec_props)))

out["validate"] = doc("validate", 1, "Portcullis validate (validate --json)",
    {"policy": S, "inventory": S, "valid": B, "summary": S,
     "diagnostics": arr(obj({"severity": {"enum": ["ERROR", "WARNING"]}, "file": NS, "line": NI, "path": NS, "message": S, "text": S})),
     "routers": arr(obj({"router": S, "platform": S, "state": {"enum": ["IN_SCOPE", "OUT_OF_SCOPE"]}})),
     "warnings": arr(S), "exitCode": I},
    ["policy", "inventory", "valid", "summary", "diagnostics", "routers", "warnings", "exitCode"],
    desc="routers is empty when the inputs are not valid.")

packet = obj({"family": S, "protocol": S, "protocolNumber": I, "sourceAddress": S, "sourcePort": NI, "destinationAddress": S,
              "destinationPort": NI, "exempt": B, "direction": {"enum": ["to-subscriber", "from-subscriber"]}, "attachKind": S, "attachPoint": S},
             required=["family", "protocol", "protocolNumber", "sourceAddress", "sourcePort", "destinationAddress", "destinationPort", "exempt", "direction"])
verdict = obj({"filter": NS, "term": NS, "text": NS})
violation = obj({"obligation": S, "packet": {"$ref": "#/$defs/packet"}, "expected": S, "actual": S, "decidedBy": {"$ref": "#/$defs/verdict"}, "text": S})
difference = obj({"packet": {"$ref": "#/$defs/packet"},
                  "verdicts": {"type": "object", "additionalProperties": obj({"fate": S, "decidedBy": {"$ref": "#/$defs/verdict"}})},
                  "excusedBy": nullable(obj({"platform": S, "feature": S})), "text": S})
fstat = obj({"name": S, "terms": I, "packetClasses": I, "dropped": I, "decidedByTerm": {"type": "object", "additionalProperties": I},
             "decidedByDefault": I, "unusedTerms": arr(S)})
result = obj({"proven": B, "packetClasses": I, "obligations": arr(S), "violations": arr({"$ref": "#/$defs/violation"}),
              "filters": arr({"$ref": "#/$defs/filterStats"})})
VSTATES = ["PROVEN", "VIOLATED", "ERROR", "OUT_OF_SCOPE"]
vrouter = obj({"router": S, "platform": S, "state": {"enum": VSTATES}, "compiled": nullable({"$ref": "#/$defs/result"}),
               "readBack": nullable({"$ref": "#/$defs/result"}), "error": NS, "readerWarnings": arr(S)})
out["verify"] = doc("verify", 1, "Portcullis verify (verify --json)",
    {"routers": arr(vrouter), "crossPlatform": arr(obj({"platforms": arr(S), "equivalent": B, "packetClasses": I,
                                                        "differences": arr({"$ref": "#/$defs/difference"}), "excused": arr({"$ref": "#/$defs/difference"})})),
     "summary": obj({k: I for k in VSTATES}), "exitCode": I,
     "publishedPromise": {"description": "the published promise (policy/promise.yaml) proven on every in-scope router's compiled IR and read-back; null without a promise file",
                          "type": ["object", "null"],
                          "properties": {"file": S, "digest": S, "kept": B, "devices": {"type": "array"}}}},
    ["routers", "crossPlatform", "summary", "exitCode"],
    {"packet": packet, "verdict": verdict, "violation": violation, "difference": difference, "filterStats": fstat, "result": result},
    "Version 1 (the unversioned document before it used device and a lower-case status).")

term = obj({"filter": S, "family": S, "term": S, "action": S, "packets": NI, "bytes": NI, "delta": NI, "note": NS})
crouter = obj({"router": S, "platform": S, "verdict": S, "enforcing": B, "confirmed": B, "unavailable": NS, "source": NS,
               "aggregation": NS, "since": NI, "terms": arr(term)})
out["counters"] = doc("counters", 1, "Portcullis counters (counters --json)", {"routers": arr(crouter)}, ["routers"],
    desc="Version 1 with the common header added (fields only added).")

hrouter = obj({"router": S, "platform": NS, "state": NS, "reason": NS, "changes": arr(S), "impact": arr(S), "digestBefore": NS,
               "digestAfter": NS, "error": NS, "millis": I})
hrun = obj({"id": S, "kind": S, "actor": NS, "osUser": NS, "apiCaller": NS, "ci": {"type": "object", "additionalProperties": S},
            "policyRevision": NS, "policyDigest": NS, "inventoryDigest": NS, "planDigest": NS, "toolVersion": NS,
            "options": {"type": "object", "additionalProperties": S}, "startedAt": TS, "finishedAt": NTS, "exitCode": NI,
            "haltedBecause": NS, "counts": {"type": "object", "additionalProperties": I},
            "routersChecked": dict(NI, description="serve's drift checks: routers the check covered (null for other runs)"),
            "routersUnchanged": dict(NI, description="serve's scheduled checks: routers checked but not recorded again, their state being the same as at their last recorded check"),
            "routers": arr(hrouter)},
           required=sorted(["id", "kind", "actor", "osUser", "apiCaller", "ci", "policyRevision", "policyDigest", "inventoryDigest",
                     "planDigest", "toolVersion", "options", "startedAt", "finishedAt", "exitCode", "haltedBecause",
                     "counts", "routers"]))
out["history"] = doc("history", 1, "Portcullis run history (history --json, GET /api/runs, GET /api/runs/{id})",
    {"runs": arr(hrun)}, ["runs"],
    desc="Version 1 with the common header added. Recorded changes and impact are the sentences stored with the run.")

# inventory: hosts.yaml / groups.yaml / defaults.yaml
SECONDS = {"type": "integer", "minimum": 1, "maximum": 86400}
settings = {
  "hostname": {"type": "string", "description": "address or DNS name of the router"},
  "port": {"type": "integer", "minimum": 1, "maximum": 65535, "description": "NETCONF port (default 830)"},
  "platform": {"enum": ["junos", "iosxr", "sros", "vrp", "openconfig", "ietf"]},
  "attach": obj({"interfaces": arr(S), "profiles": arr(S)}, required=[], desc="where the filters are bound"),
  "username": S,
  "password-env": {"type": "string", "description": "name of the environment variable holding the password (never the password)"},
  "password-file": {"type": "string", "description": "file holding the password, relative to the inventory directory"},
  "private-key": S, "known-hosts": S,
  "host-key-checking": {"enum": ["strict", "accept-new", "off"]},
  "chain-foreign": {"type": "boolean"},
  "ssh-algorithm-exceptions": arr(S),
  "confirm-timeout": dict(SECONDS, description="seconds the router waits for the confirm; a --confirm-timeout flag wins"),
  "timeout": dict(SECONDS, description="seconds to wait for any one NETCONF reply (default 60)"),
  "validate": {"type": "boolean", "description": "send <validate> before commit"},
  "data": {"type": "object", "description": "free-form user data, read by nothing in Portcullis"},
}
entity = obj(settings, required=[])
host_props = dict(settings); host_props["groups"] = arr(S)
host = obj(host_props, required=[])
inv = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "inventory.schema.json",
       "title": "Portcullis inventory (hosts.yaml, groups.yaml, defaults.yaml)",
       "description": "Validate hosts.yaml against #/$defs/hosts, groups.yaml against #/$defs/groups, defaults.yaml against #/$defs/defaults (the three files below point there).",
       "$defs": {"settings": entity, "host": host,
                 "hosts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/host"}},
                 "groups": {"type": "object", "additionalProperties": {"$ref": "#/$defs/settings"}},
                 "defaults": {"$ref": "#/$defs/settings"}}}
out["inventory"] = inv
for part in ["hosts", "groups", "defaults"]:
    out["inventory-" + part] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "inventory-" + part + ".schema.json",
                                "title": "Portcullis inventory " + part + ".yaml", "$ref": "#/$defs/" + part, "$defs": inv["$defs"]}

NAME = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
PORT = {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 65535}, {"type": "string", "pattern": "^[0-9]{1,5}(-[0-9]{1,5})?$"}]}
service = obj({"name": NAME, "protocol": {"enum": ["tcp", "udp"]}, "ports": arr(PORT),
               "direction": {"enum": ["to-subscriber", "from-subscriber"]}, "address-family": arr({"enum": ["ipv4", "ipv6"]}),
               "counter": B, "log": B, "description": S, "owner": S}, required=["name", "protocol"])
exemption = obj({"name": NAME, "service": S, "prefix": arr(S), "expires": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                 "reason": S}, required=["name", "service", "reason"])
policy = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "policy.schema.json",
          "title": "Portcullis policy (YAML form of yang/portcullis-policy@2026-11-28.yang)",
          "description": "Editor completion; validate still checks the YANG model and the semantic rules.",
          "type": "object", "required": ["portcullis-policy:policy"], "additionalProperties": False,
          "properties": {"portcullis-policy:policy": obj({"name": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
              "description": S, "service": arr(service), "exemption": arr(exemption),
              "scope": obj({"group": arr(S), "platform": arr({"enum": ["junos", "iosxr", "sros", "vrp", "openconfig", "ietf"]})}, required=[])},
              required=["name"])}}
out["policy"] = policy

# policy/promise.yaml: what is published to subscribers (PromiseLoader refuses the same mistakes with file:line)
FAMILIES = arr({"enum": ["ipv4", "ipv6"]})
block = obj({"name": NAME, "protocol": {"enum": ["tcp", "udp"]}, "ports": arr(PORT), "address-family": FAMILIES,
             "direction": {"enum": ["to-subscriber", "from-subscriber"]}, "description": S}, required=["name", "protocol"])
out["promise"] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "promise.schema.json",
    "title": "Portcullis published promise (policy/promise.yaml)",
    "description": "What is promised to subscribers; verify proves every router against it. Everything not blocked here must be forwarded.",
    "type": "object", "required": ["promise"], "additionalProperties": False,
    "properties": {"promise": obj({"name": S, "description": S,
        "max-exemption": obj({"ipv4": {"type": "integer", "minimum": 0, "maximum": 32}, "ipv6": {"type": "integer", "minimum": 0, "maximum": 128}},
                             required=[], desc="the widest exemption prefix the policy may carry (default /24 and /48)"),
        "blocked": dict(arr(block), minItems=1)}, required=["name", "blocked"])}}
for k, v in out.items():
    with open(k + ".schema.json", "w") as f:
        json.dump(v, f, indent=2, ensure_ascii=False); f.write("\n")
print(sorted(out))
