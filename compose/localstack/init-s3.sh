#!/bin/bash
# LocalStack ready hook: the sink's bucket exists before the sink starts (its healthcheck waits for this).
set -euo pipefail
awslocal s3 mb "s3://${S3_BUCKET_NAME:-users-bucket}"
