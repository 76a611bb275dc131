"""Business rules of public contributions: uploads, submissions, the curators' inbox."""
