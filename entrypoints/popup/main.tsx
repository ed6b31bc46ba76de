import { Popup } from '../../components/popup/Popup';
import { popupServices } from '../../lib/pages/popup/services';
import { markWhenShown } from '../../lib/pages/popup/marks';
import { startPage } from '../../components/common/design/page';
import './style.css';

markWhenShown();
startPage(<Popup services={popupServices} />);
