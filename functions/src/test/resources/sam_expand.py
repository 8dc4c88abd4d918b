"""Expands a SAM template exactly as CloudFormation's AWS::Serverless transform would, and
prints the result as JSON: python3 sam_expand.py template.yaml '{"Param": "value"}'.
CodeUri is replaced by an S3 URI first, as `sam package` does before the transform runs."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
with open(sys.argv[1]) as f:
    template = yaml_parse(f.read())
template.setdefault("Globals", {}).setdefault("Function", {})["CodeUri"] = "s3://sluice-artifacts/sluice-functions.jar"
parameters = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
print(json.dumps(transform(template, parameters, None)))
