import { imageSuggestions } from '../../core/autotag/image-model-tags';
import type { Handler } from '../handler';

export const autotagSuggestions: Handler<'autotag.suggestions'> = ({ imageId }, { workspace }) => imageSuggestions(workspace.requireSession(), imageId);
