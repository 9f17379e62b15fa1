"""Drawing what goes on air: job cards and QR codes, as images, without any window."""
