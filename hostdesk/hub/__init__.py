"""The reference hub: the agency's upstream server for sign-ups and the job catalogue (no Qt)."""
