# What the documentation's bash blocks act on, in the moto server DocExamplesIT starts: the IAM role and Athena
# workgroup they name, and for each Athena run a small month (total, then groups; the same for the previous month)
# whose groups add up to its total. Athena results are queued, one per new query, as moto serves them.
# Usage: seed-moto.py ENDPOINT ATHENA_RUNS
import json, sys, urllib.request, boto3
endpoint, runs = sys.argv[1], int(sys.argv[2])
kw = dict(endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test")
boto3.client("iam", region_name="us-east-1", **kw).create_role(RoleName="TallyChargeback",
    AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
boto3.client("athena", region_name="eu-west-1", **kw).create_work_group(Name="finops")
def result(columns, rows):
    data = [{"Data": [{"VarCharValue": c} for c in columns]}]
    data += [{"Data": [{} if v is None else {"VarCharValue": v} for v in row]} for row in rows]
    return {"rows": data, "column_info": [{"Name": c, "Type": "varchar"} for c in columns]}
total = result(["line_items", "currency", "other_currency", "total", "uninvoiced_line_items"],
               [["2", "USD", None, "100.00", "0"]])
grouped = result(["account_id", "service", "line_item_type", "amount", "line_items", "tag_0"],
                 [["111122223333", "AmazonEC2", "Usage", "60.00", "1", "payments"],
                  ["111122223333", "AmazonS3", "Usage", "40.00", "1", None]])
body = {"account_id": "123456789012", "region": "eu-west-1", "results": [total, grouped] * 2 * runs}
req = urllib.request.Request(endpoint + "/moto-api/static/athena/query-results", data=json.dumps(body).encode(),
                             headers={"Content-Type": "application/json"}, method="POST")
urllib.request.urlopen(req).read()
