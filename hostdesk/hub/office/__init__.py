"""The back office (/office/): the staff's web desk — accounts, the lead desk."""
