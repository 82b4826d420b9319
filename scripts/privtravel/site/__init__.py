"""The dashboard: pages generated from the campaign, built with MkDocs Material into public/."""
