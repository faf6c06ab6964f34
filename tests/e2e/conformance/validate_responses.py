#!/usr/bin/env python3
"""Checks every response body a simulator recorded (vaultdeck sim serve --record FILE)
against the AWS service models: for successful answers, the output shape of the
operation (members known to the model, required members present, types right,
enum values known); for errors, the service's error format and a code the
operation or the protocol can answer with.

usage: validate_responses.py --models DIR RECORD.jsonl
Prints one line per problem and a closing count; exits 1 on any problem.
"""
import argparse
import datetime
import json
import os
import sys
import xml.etree.ElementTree as ET

MODEL_PATHS = {
    "backup": "backup/2018-11-15/service-2.json",
    "rds": "rds/2014-10-31/service-2.json",
    "sts": "sts/2011-06-15/service-2.json",
    "s3": "s3/2006-03-01/service-2.json",
    "ec2": "ec2/2016-11-15/service-2.json",
}

# Errors any operation of a protocol may answer with (authentication,
# throttling, server faults, malformed requests), besides those the model lists.
COMMON_ERRORS = {
    "rest-json": {"ThrottlingException", "InvalidSignatureException", "UnknownOperationException",
                  "MissingAuthenticationTokenException", "IncompleteSignatureException",
                  "UnrecognizedClientException", "ExpiredTokenException", "SerializationException",
                  "InternalFailure", "ServiceUnavailableException", "AccessDeniedException"},
    "query": {"InvalidAction", "SignatureDoesNotMatch", "IncompleteSignature", "InvalidClientTokenId",
              "MissingAuthenticationToken", "Throttling", "InternalFailure", "ServiceUnavailable",
              "InvalidParameterValue", "InvalidParameterCombination", "MissingParameter",
              "ValidationError", "ExpiredToken", "RequestExpired", "AccessDenied"},
    # EC2's model declares no errors; these are from its API reference.
    "ec2": {"InvalidAction", "AuthFailure", "UnauthorizedOperation", "RequestLimitExceeded", "InternalError",
            "Unavailable", "InvalidParameterValue", "MissingParameter", "InvalidParameter", "SignatureDoesNotMatch",
            "RequestExpired", "IncompleteSignature", "InvalidClientTokenId", "InvalidGroup.NotFound",
            "InvalidGroupId.Malformed"},
    "rest-xml": {"NoSuchBucket", "NoSuchLifecycleConfiguration", "SignatureDoesNotMatch", "AccessDenied", "InvalidAccessKeyId",
                 "RequestTimeTooSkewed", "SlowDown", "InternalError", "ServiceUnavailable", "NotImplemented",
                 "InvalidArgument", "AuthorizationHeaderMalformed", "InvalidToken", "ExpiredToken"},
}


class Model:
    def __init__(self, path):
        with open(path) as f:
            self.data = json.load(f)
        self.shapes = self.data["shapes"]
        self.operations = self.data["operations"]
        self.protocol = self.data["metadata"]["protocol"]
        self.namespace = self.data["metadata"].get("xmlNamespace", "")

    def error_codes(self, operation):
        codes = set()
        for e in self.operations.get(operation, {}).get("errors", []):
            shape = self.shapes[e["shape"]]
            codes.add(shape.get("error", {}).get("code", e["shape"]))
            codes.add(e["shape"])
        return codes


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


class Checker:
    def __init__(self, model, where, problems):
        self.m = model
        self.where = where
        self.problems = problems

    def fail(self, path, message):
        self.problems.append("%s: %s: %s" % (self.where, path or "<root>", message))

    # ---- JSON (rest-json) ----
    def json_value(self, shape_name, value, path):
        s = self.m.shapes[shape_name]
        t = s["type"]
        if t == "structure":
            if not isinstance(value, dict):
                return self.fail(path, "expected an object for %s" % shape_name)
            members = s.get("members", {})
            for key, v in value.items():
                if key not in members:
                    self.fail(path, "member %s is not in %s" % (key, shape_name))
                    continue
                self.json_value(members[key]["shape"], v, path + "." + key)
            for req in s.get("required", []):
                if req not in value:
                    self.fail(path, "required member %s of %s is missing" % (req, shape_name))
        elif t == "list":
            if not isinstance(value, list):
                return self.fail(path, "expected a list for %s" % shape_name)
            for i, item in enumerate(value):
                self.json_value(s["member"]["shape"], item, "%s[%d]" % (path, i))
        elif t == "map":
            if not isinstance(value, dict):
                return self.fail(path, "expected a map for %s" % shape_name)
            for k, v in value.items():
                self.scalar_string(s["key"]["shape"], k, path + "{key}")
                self.json_value(s["value"]["shape"], v, "%s[%s]" % (path, k))
        elif t == "string":
            if not isinstance(value, str):
                return self.fail(path, "expected a string, got %r" % (value,))
            self.scalar_string(shape_name, value, path)
        elif t in ("integer", "long"):
            if not is_int(value):
                self.fail(path, "expected an integer, got %r" % (value,))
        elif t in ("double", "float"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.fail(path, "expected a number, got %r" % (value,))
        elif t == "boolean":
            if not isinstance(value, bool):
                self.fail(path, "expected a boolean, got %r" % (value,))
        elif t == "timestamp":
            fmt = s.get("timestampFormat", "unixTimestamp")
            if fmt == "unixTimestamp" and (not isinstance(value, (int, float)) or isinstance(value, bool)):
                self.fail(path, "expected epoch seconds, got %r" % (value,))
            elif fmt != "unixTimestamp" and not isinstance(value, str):
                self.fail(path, "expected a %s timestamp, got %r" % (fmt, value))
        elif t == "blob":
            if not isinstance(value, str):
                self.fail(path, "expected base64 text")

    def scalar_string(self, shape_name, value, path):
        s = self.m.shapes[shape_name]
        if "enum" in s and value not in s["enum"]:
            self.fail(path, "%r is not a %s value (%s)" % (value, shape_name, ", ".join(s["enum"])))

    # ---- XML (query, rest-xml) ----
    def xml_text(self, shape_name, text, path):
        s = self.m.shapes[shape_name]
        t = s["type"]
        text = text or ""
        if t == "string":
            self.scalar_string(shape_name, text, path)
        elif t in ("integer", "long"):
            try:
                int(text)
            except ValueError:
                self.fail(path, "expected an integer, got %r" % text)
        elif t in ("double", "float"):
            try:
                float(text)
            except ValueError:
                self.fail(path, "expected a number, got %r" % text)
        elif t == "boolean":
            if text not in ("true", "false"):
                self.fail(path, "expected true or false, got %r" % text)
        elif t == "timestamp":
            try:
                datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                self.fail(path, "expected an ISO 8601 timestamp, got %r" % text)

    def xml_structure(self, shape_name, element, path):
        s = self.m.shapes[shape_name]
        members = s.get("members", {})
        by_name = {}
        flattened = {}
        for name, ref in members.items():
            if ref.get("location") in ("header", "headers", "statusCode"):
                continue
            target = self.m.shapes[ref["shape"]]
            wire = ref.get("locationName", name)
            if target["type"] == "list" and (target.get("flattened") or ref.get("flattened")):
                item_name = ref.get("locationName") or target["member"].get("locationName", name)
                flattened[item_name] = (name, ref)
            else:
                by_name[wire] = (name, ref)
        seen = set()
        children = list(element)
        for child in children:
            tag = child.tag.split("}", 1)[-1]
            if tag in flattened:
                name, ref = flattened[tag]
                seen.add(name)
                target = self.m.shapes[ref["shape"]]
                self.xml_value(target["member"]["shape"], child, path + "." + tag)
            elif tag in by_name:
                name, ref = by_name[tag]
                if name in seen:
                    self.fail(path, "member %s appears twice" % name)
                seen.add(name)
                self.xml_value(ref["shape"], child, path + "." + tag)
            else:
                self.fail(path, "element %s is not a member of %s" % (tag, shape_name))
        for req in s.get("required", []):
            if req not in seen:
                self.fail(path, "required member %s of %s is missing" % (req, shape_name))

    def xml_value(self, shape_name, element, path):
        s = self.m.shapes[shape_name]
        t = s["type"]
        if t == "structure":
            self.xml_structure(shape_name, element, path)
        elif t == "list":
            member = s["member"]
            item_name = member.get("locationName", "member")
            for i, child in enumerate(element):
                tag = child.tag.split("}", 1)[-1]
                if tag != item_name:
                    self.fail(path, "list item <%s> should be <%s>" % (tag, item_name))
                self.xml_value(member["shape"], child, "%s[%d]" % (path, i))
        elif t == "map":
            for entry in element:
                key, value = entry.find("key"), entry.find("value")
                if key is None or value is None:
                    self.fail(path, "map entry without key and value")
                    continue
                self.xml_value(s["value"]["shape"], value, "%s[%s]" % (path, key.text))
        else:
            if len(element):
                self.fail(path, "expected text, found elements")
            self.xml_text(shape_name, element.text, path)


def validate(record, models, problems):
    service = record.get("service", "")
    op = record.get("operation", "")
    status = int(record.get("status", 0))
    body = record.get("body", "")
    where = "%s %s HTTP %d" % (service, op or "?", status)
    model = models.get(service)
    if model is None:
        problems.append("%s: unknown service" % where)
        return
    c = Checker(model, where, problems)
    protocol = model.protocol
    if status >= 300:
        validate_error(c, model, protocol, op, body)
        return
    if op not in model.operations:
        c.fail("", "a successful answer to an operation the model does not have")
        return
    output = model.operations[op].get("output")
    if protocol == "rest-json":
        if not body:
            if output and model.shapes[output["shape"]].get("required"):
                c.fail("", "empty body but the output has required members")
            return
        try:
            value = json.loads(body)
        except ValueError as e:
            return c.fail("", "body is not JSON: %s" % e)
        if output is None:
            return c.fail("", "a body for an operation without output")
        c.json_value(output["shape"], value, "")
    else:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as e:
            return c.fail("", "body is not XML: %s" % e)
        if protocol == "query":
            if root.tag != "{%s}%sResponse" % (model.namespace, op):
                return c.fail("", "root element %s, expected {%s}%sResponse" % (root.tag, model.namespace, op))
            wrapper = output.get("resultWrapper") if output else None
            result = root.find("{%s}%s" % (model.namespace, wrapper)) if wrapper else None
            if wrapper and result is None:
                return c.fail("", "no <%s> element" % wrapper)
            if result is not None:
                c.xml_structure(output["shape"], result, wrapper)
            if root.find("{%s}ResponseMetadata/{%s}RequestId" % (model.namespace, model.namespace)) is None:
                c.fail("", "no ResponseMetadata/RequestId")
        elif protocol == "ec2":
            if root.tag.split("}", 1)[-1] != op + "Response":
                return c.fail("", "root element %s, expected %sResponse" % (root.tag, op))
            request_id = [child for child in root if child.tag.split("}", 1)[-1] == "requestId"]
            if len(request_id) != 1:
                c.fail("", "no requestId")
            for child in request_id:
                root.remove(child)
            if output:
                c.xml_structure(output["shape"], root, op + "Response")
        else:
            if output:
                c.xml_structure(output["shape"], root, root.tag.split("}", 1)[-1])


def validate_error(c, model, protocol, op, body):
    allowed = model.error_codes(op) | COMMON_ERRORS[protocol]
    if protocol == "rest-json":
        try:
            value = json.loads(body)
        except ValueError:
            return c.fail("", "error body is not JSON")
        code = value.get("__type") or value.get("code") or value.get("Code")
        if not isinstance(code, str) or not code:
            return c.fail("", "error body has no __type")
        if not isinstance(value.get("message", value.get("Message")), str):
            c.fail("", "error body has no message")
        if "#" in code:
            code = code.split("#", 1)[1]
        shape = model.shapes.get(code)
        if shape is not None:
            for key in ("Message", "Code", "Type", "Context"):
                if key in value and not isinstance(value[key], str):
                    c.fail(key, "expected a string")
    else:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as e:
            return c.fail("", "error body is not XML: %s" % e)
        if protocol == "query":
            ns = "{%s}" % model.namespace
            if root.tag != ns + "ErrorResponse":
                return c.fail("", "error root element %s, expected %sErrorResponse" % (root.tag, ns))
            error = root.find(ns + "Error")
            if error is None or error.find(ns + "Code") is None or error.find(ns + "Message") is None:
                return c.fail("", "ErrorResponse without Error/Code/Message")
            if (error.findtext(ns + "Type") or "") not in ("Sender", "Receiver"):
                c.fail("Error.Type", "expected Sender or Receiver")
            if root.find(ns + "RequestId") is None:
                c.fail("", "ErrorResponse without RequestId")
            code = error.findtext(ns + "Code")
        elif protocol == "ec2":
            error = root.find("Errors/Error")
            if root.tag != "Response" or error is None or error.find("Code") is None or error.find("Message") is None:
                return c.fail("", "EC2 error without Response/Errors/Error/Code/Message")
            if root.find("RequestID") is None:
                c.fail("", "EC2 error without RequestID")
            code = error.findtext("Code")
        else:
            if root.tag != "Error" or root.find("Code") is None or root.find("Message") is None:
                return c.fail("", "S3 error without Error/Code/Message")
            code = root.findtext("Code")
    if code not in allowed:
        c.fail("", "error code %s is neither declared for %s nor a %s protocol error" % (code, op or "this request", protocol))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", required=True, help="the aws-models folder")
    parser.add_argument("record", help="the --record file")
    args = parser.parse_args()
    models = {name: Model(os.path.join(args.models, rel)) for name, rel in MODEL_PATHS.items()}
    problems = []
    counts = {}
    with open(args.record) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except ValueError:
                problems.append("line %d: not JSON" % number)
                continue
            counts[record.get("service", "?")] = counts.get(record.get("service", "?"), 0) + 1
            validate(record, models, problems)
    for p in problems:
        print("validate: " + p)
    total = sum(counts.values())
    detail = ", ".join("%s %d" % (k, v) for k, v in sorted(counts.items()))
    print("validate: %d responses checked (%s), %d problems" % (total, detail, len(problems)))
    return 1 if problems or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
