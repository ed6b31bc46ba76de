import { render } from 'preact';
import { CardFrame } from '../../components/card/CardPage';
import { cardServices } from '../../lib/pages/card/services';
import './style.css';

// The design tokens are in card.html already (modules/page-tokens.ts).
render(<CardFrame services={cardServices} />, document.getElementById('app')!);
