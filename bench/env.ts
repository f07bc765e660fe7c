// Imported first, for its effect: test/support/services.ts reads TEST_REDIS_URL when it is loaded.
if (process.env.REDIS_URL && !process.env.TEST_REDIS_URL) process.env.TEST_REDIS_URL = process.env.REDIS_URL;
