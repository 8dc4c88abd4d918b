"""Expands a SAM template exactly as CloudFormation's AWS::Serverless transform would, and
prints the result as JSON: python3 sam_expand.py template.yaml '{"Param": "value"}'.
CodeUri and a layer's ContentUri are replaced by S3 URIs first, as `sam package` does before the
transform runs."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
with open(sys.argv[1]) as f:
    template = yaml_parse(f.read())
template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://sluice-artifacts/sluice-functions.jar"
for name, resource in template.get("Resources", {}).items():
    if resource.get("Type") == "AWS::Serverless::LayerVersion":
        resource.setdefault("Properties", {})["ContentUri"] = "s3://sluice-artifacts/" + name + ".zip"
parameters = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
print(json.dumps(transform(template, parameters, None)))
