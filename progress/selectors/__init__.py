"""Reads for the report and the public page: one section per 主な取組, gathered from each app's queries."""
