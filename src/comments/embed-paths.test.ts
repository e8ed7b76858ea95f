import { describe, expect, it } from 'vitest';
import { isEmbedPath } from './embed-paths.js';

describe('isEmbedPath', () => {
  it('opens the widget and the comment API to embedding sites', () => {
    for (const path of ['/widget.js', '/api/articles/some-slug/comments?sort=newest', '/api/articles/x/comments/mine', '/api/articles/x/live', '/api/comments/abc', '/api/comments/abc/replies?limit=5', '/api/comments/abc/reactions', '/api/comments/abc/flags']) {
      expect(isEmbedPath(path), path).toBe(true);
    }
  });

  it('keeps staff, account and payment routes same-origin', () => {
    for (const path of ['/api/admin/articles', '/api/admin/moderation/comments/abc/approve', '/api/account/rejected-comments', '/api/auth/magic-link', '/donate', '/api/drives/current', '/api/articles/x/comments/../../admin/articles', '/api/comments/a/b/c']) {
      expect(isEmbedPath(path), path).toBe(false);
    }
  });
});
