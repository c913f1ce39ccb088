"""Business logic of the register, as plain functions (views and commands stay thin)."""
