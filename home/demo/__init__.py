"""Demo content: `data` holds the text (written from the seeds), `loader` puts it in place."""
