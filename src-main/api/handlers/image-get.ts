import type { Handler } from '../handler';

export const imageGet: Handler<'image.get'> = ({ id }, { workspace }) => workspace.requireSession().detail(id);
