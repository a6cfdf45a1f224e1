"""Small helpers with no models: parsing settings, middleware, hashing."""
