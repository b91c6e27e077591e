# Placed by AZ name: us-east-1a is a different data center in each account.
provider "aws" {
  region = "us-east-1"
}

resource "aws_subnet" "shared" {
  vpc_id            = var.vpc_id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}

variable "vpc_id" {
  type = string
}
