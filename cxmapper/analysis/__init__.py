"""Behavioural analysis with pandas: event import, journey metrics, friction. Headless: no Qt."""
