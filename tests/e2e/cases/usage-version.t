$ retrason --version
--- stdout
retrason 0.1.0
