import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

const CHANNEL = 'assay:invalidate';

/** Tells every process to forget cached entries for a tag (a key id, a user id, a session). */
export interface InvalidationBus {
  publish(tag: string): Promise<void>;
  subscribe(listener: (tag: string) => void): void;
  close(): Promise<void>;
}

export function createLocalBus(): InvalidationBus {
  const emitter = new EventEmitter();
  return {
    publish: async (tag) => {
      emitter.emit('tag', tag);
    },
    subscribe: (listener) => emitter.on('tag', listener),
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/** Redis pub/sub; the local listeners are also called synchronously so this process never lags. */
export function createRedisBus(publisher: Redis): InvalidationBus {
  const local = new EventEmitter();
  const subscriber = publisher.duplicate();
  let subscribed = false;
  subscriber.on('message', (_channel: string, tag: string) => local.emit('tag', tag));
  return {
    publish: async (tag) => {
      local.emit('tag', tag);
      await publisher.publish(CHANNEL, tag);
    },
    subscribe: (listener) => {
      local.on('tag', listener);
      if (!subscribed) {
        subscribed = true;
        void subscriber.subscribe(CHANNEL);
      }
    },
    close: async () => {
      local.removeAllListeners();
      subscriber.disconnect();
    },
  };
}
