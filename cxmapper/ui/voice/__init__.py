"""The "Voice of the customer" area: Drivers, Topics and Improvements views of a journey."""
