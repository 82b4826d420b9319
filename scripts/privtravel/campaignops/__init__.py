"""Running the campaign after the declarations: 集中检查 and 整改, reminders, the monthly file for the police."""
