# Placed by AZ ID: use1-az1 is the same data center in every account.
provider "aws" {
  region = "us-east-1"
}

data "aws_availability_zone" "primary" {
  zone_id = "use1-az1"
}

resource "aws_subnet" "shared" {
  vpc_id               = var.vpc_id
  cidr_block           = "10.0.1.0/24"
  availability_zone_id = data.aws_availability_zone.primary.zone_id
}

resource "aws_ebs_volume" "data" {
  availability_zone = data.aws_availability_zone.primary.name
  size              = 100
}

variable "vpc_id" {
  type = string
}
