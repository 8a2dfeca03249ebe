-- Keycloak keeps its own database beside Albero's.
CREATE DATABASE keycloak;
