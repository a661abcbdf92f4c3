import type { Handler } from '../handler';

export const imagesList: Handler<'images.list'> = (_args, { workspace }) => ({ items: workspace.requireSession().list() });
