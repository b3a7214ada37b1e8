// Some e2e tests start extra API processes, which take a few seconds each to boot.
jest.setTimeout(30_000);
