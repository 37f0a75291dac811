"""The Programs area: assign templates to clients, export and e-mail programs."""
