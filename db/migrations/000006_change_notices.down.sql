DROP FUNCTION IF EXISTS notify_change() CASCADE; -- and the triggers that call it
